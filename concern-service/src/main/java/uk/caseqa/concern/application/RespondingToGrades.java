package uk.caseqa.concern.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.ConcernProfile;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditAcceptedByPanel;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.InvalidEventException;

/**
 * Use cases: an Inadequate grade opens a case of concern (once per audit, whatever the redeliveries, and taking over
 * from a Requires Improvement follow-up of the same audit); a Requires Improvement grade opens the profile's
 * follow-up unless a case of concern already covers the audit; short audits and dip samples answer them.
 */
@Service
public class RespondingToGrades {

    private static final Logger log = LoggerFactory.getLogger(RespondingToGrades.class);
    private final FollowUps followUps;
    private final ConcernProfiles profiles;
    private final FollowUpEvents events;
    private final Clock clock;

    RespondingToGrades(FollowUps followUps, ConcernProfiles profiles, FollowUpEvents events, Clock clock) {
        this.followUps = followUps;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    public boolean gradeInadequate(EventEnvelope<GradeInadequate> event) {
        GradeInadequate grade = event.data();
        String id = FollowUp.caseOfConcernId(grade.auditId());
        boolean opened = false;
        if (followUps.find(id).isEmpty()) {
            FollowUp.Facts facts = new FollowUp.Facts(grade.auditId(), event.localAuthority(), grade.caseId(),
                    grade.serviceId(), grade.teamId(), grade.serviceManagerId(), grade.socialWorkerId(),
                    grade.gradedBy(), grade.gradedAt(), grade.domainsBelowGood(), grade.auditType());
            ConcernProfile profile = profiles.inForce(event.localAuthority(), grade.gradedAt());
            FollowUp caseOfConcern = FollowUp.openCaseOfConcern(facts, profile, clock.instant());
            opened = followUps.insertIfAbsent(caseOfConcern, events.of(caseOfConcern));
        }
        // also on a redelivery: a crash after opening must not leave the RI follow-up running
        followUps.find(FollowUp.requiresImprovementId(grade.auditId())).ifPresent(ri -> {
            if (ri.supersede(id, clock.instant())) {
                followUps.update(ri, events.of(ri));
            }
        });
        return opened;
    }

    public boolean gradeRequiresImprovement(EventEnvelope<GradeRequiresImprovement> event) {
        GradeRequiresImprovement grade = event.data();
        if (followUps.find(FollowUp.caseOfConcernId(grade.auditId())).isPresent()
                || followUps.find(FollowUp.requiresImprovementId(grade.auditId())).isPresent()) {
            return false;
        }
        FollowUp.Facts facts = new FollowUp.Facts(grade.auditId(), event.localAuthority(), grade.caseId(),
                grade.serviceId(), grade.teamId(), grade.serviceManagerId(), grade.socialWorkerId(), grade.gradedBy(),
                grade.gradedAt(), grade.domainsBelowGood());
        ConcernProfile profile = profiles.inForce(event.localAuthority(), grade.gradedAt());
        return FollowUp.openRequiresImprovement(facts, profile, clock.instant())
                .map(followUp -> followUps.insertIfAbsent(followUp, events.of(followUp)))
                .orElseGet(() -> {
                    log.info("{}: profile {} sets no follow-up for Requires Improvement", grade.auditId(), profile.id());
                    return false;
                });
    }

    /**
     * Moderation graded the audit Good or better: its Requires Improvement follow-up, if any and not yet answered, is
     * withdrawn (a Swindon short audit not yet scheduled, 000 Appendix 3, is then never scheduled).
     */
    public boolean auditModerated(EventEnvelope<AuditModerated> event) {
        AuditModerated moderated = event.data();
        return followUps.find(FollowUp.requiresImprovementId(moderated.auditId()))
                .filter(ri -> ri.withdrawnByModeration(moderated.finalGrade(), moderated.moderatorId(), clock.instant()))
                .map(ri -> {
                    followUps.update(ri, events.of(ri));
                    return true;
                }).orElse(false);
    }

    /** The QA panel accepted the audit: a Requires Improvement short audit waiting for it is scheduled (000 App 3). */
    public boolean auditAcceptedByPanel(EventEnvelope<AuditAcceptedByPanel> event) {
        return followUps.find(FollowUp.requiresImprovementId(event.data().auditId()))
                .filter(ri -> ri.acceptedByPanel(profiles.byId(ri.profileId()), event.time(), clock.instant()))
                .map(ri -> {
                    followUps.update(ri, events.of(ri));
                    return true;
                }).orElse(false);
    }

    /**
     * A completed audit that is not moderated (full and Early Help audits reach this service as moderated grades):
     * a short audit or dip sample answers its follow-up; and an Inadequate grade in any of them (dip sample, caseload,
     * thematic, short audit, practice week) opens a case of concern for that audit's case, as a full audit's would: for the child, the grade
     * matters, not the audit type. A Requires Improvement follow-up the Inadequate short audit answered is taken over
     * by the new case of concern. The only exception is a re-audit of a case that already has the case of concern it
     * answers: that one escalates (or closes) the case of concern instead.
     */
    public boolean auditCompleted(EventEnvelope<AuditCompleted> event) {
        AuditCompleted audit = event.data();
        if (audit.auditType().moderated()) {
            return false;
        }
        FollowUp answered = audit.followUpId() == null ? null : followUps.find(audit.followUpId())
                .orElseThrow(() -> new InvalidEventException("audit " + audit.auditId() + " answers unknown follow-up "
                        + audit.followUpId()));
        boolean reAuditOfItsOwnCaseOfConcern = answered != null && answered.kind() == FollowUp.Kind.CASE_OF_CONCERN
                && audit.auditType() == AuditType.SHORT;
        if (audit.overallGrade() == Grade.INADEQUATE && !reAuditOfItsOwnCaseOfConcern) {
            boolean opened = openCaseOfConcern(event);
            if (answered != null && answered.kind() == FollowUp.Kind.REQUIRES_IMPROVEMENT
                    && audit.auditType() == AuditType.SHORT) {
                if (answered.supersede(FollowUp.caseOfConcernId(audit.auditId()), clock.instant())) {
                    followUps.update(answered, events.of(answered));
                    return true;
                }
                return opened;
            }
            return answer(answered, audit) | opened;
        }
        return answer(answered, audit);
    }

    private boolean answer(FollowUp followUp, AuditCompleted audit) {
        if (followUp == null) {
            return false;
        }
        boolean changed = switch (audit.auditType()) {
            case DIP_SAMPLE -> followUp.dipSampleCompleted(audit.auditId(), audit.domainsBelowGood(), clock.instant());
            case SHORT -> followUp.shortAuditCompleted(audit.auditId(), audit.overallGrade(),
                    profiles.byId(followUp.profileId()), clock.instant());
            case FULL, THEMATIC, CASELOAD, MULTI_AGENCY, PRACTICE_OBSERVATION, AD_HOC, EARLY_HELP, PRACTICE_WEEK,
                    SUPERVISION -> false;
        };
        if (changed) {
            followUps.update(followUp, events.of(followUp));
        }
        return changed;
    }

    /** The audit's own case of concern, graded by its auditor (these audits are not moderated); once per audit. */
    private boolean openCaseOfConcern(EventEnvelope<AuditCompleted> event) {
        AuditCompleted audit = event.data();
        String id = FollowUp.caseOfConcernId(audit.auditId());
        if (followUps.find(id).isPresent()) {
            return false;
        }
        FollowUp.Facts facts = new FollowUp.Facts(audit.auditId(), event.localAuthority(), audit.caseId(),
                audit.serviceId(), audit.teamId(), audit.serviceManagerId(), audit.socialWorkerId(), GradedBy.AUDITOR,
                audit.completedAt(), audit.domainsBelowGood());
        ConcernProfile profile = profiles.inForce(event.localAuthority(), audit.completedAt());
        FollowUp caseOfConcern = FollowUp.openCaseOfConcern(facts, profile, clock.instant());
        boolean opened = followUps.insertIfAbsent(caseOfConcern, events.of(caseOfConcern));
        if (opened) {
            log.info("{}: {} audit graded Inadequate: case of concern {} opened", audit.auditId(), audit.auditType(), id);
        }
        return opened;
    }

}
