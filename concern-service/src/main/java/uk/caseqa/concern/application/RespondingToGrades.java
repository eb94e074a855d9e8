package uk.caseqa.concern.application;

import java.time.Clock;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.ConcernProfile;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
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
                    grade.gradedBy(), grade.gradedAt(), grade.domainsBelowGood());
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

    /** A short audit or dip sample that answers a follow-up; other audits are not this service's business. */
    public boolean auditCompleted(EventEnvelope<AuditCompleted> event) {
        AuditCompleted audit = event.data();
        if (audit.followUpId() == null) {
            return false;
        }
        FollowUp followUp = followUps.find(audit.followUpId()).orElseThrow(() -> new InvalidEventException(
                "audit " + audit.auditId() + " answers unknown follow-up " + audit.followUpId()));
        boolean changed = switch (audit.auditType()) {
            case "DIP_SAMPLE" -> followUp.dipSampleCompleted(audit.auditId(), audit.domainsBelowGood(), clock.instant());
            case "SHORT" -> followUp.shortAuditCompleted(audit.auditId(), audit.overallGrade(),
                    profiles.byId(followUp.profileId()), clock.instant());
            default -> false;
        };
        if (changed) {
            followUps.update(followUp, events.of(followUp));
        }
        return changed;
    }

}
