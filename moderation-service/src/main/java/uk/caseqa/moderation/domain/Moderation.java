package uk.caseqa.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.ModerationAssigned;

/**
 * The moderation of one completed audit. A moderator (never the auditor) is assigned with a deadline, then agrees or
 * changes the grade; an Inadequate grade, the auditor's or the moderator's, raises {@code GradeInadequate} once, and
 * otherwise a Requires Improvement grade raises {@code GradeRequiresImprovement} once.
 */
public final class Moderation {

    /** What moderation keeps of the completed audit. */
    public record AuditFacts(String auditId, String localAuthority, String caseId, String serviceId, String teamId,
            String auditorId, String socialWorkerId, String serviceManagerId, Grade auditorGrade,
            List<String> domainsBelowGood, Instant completedAt) {
        public AuditFacts {
            domainsBelowGood = domainsBelowGood == null ? List.of() : List.copyOf(domainsBelowGood);
        }

        public static AuditFacts of(String localAuthority, AuditCompleted event) {
            return new AuditFacts(event.auditId(), localAuthority, event.caseId(), event.serviceId(), event.teamId(),
                    event.auditorId(), event.socialWorkerId(), event.serviceManagerId(), event.overallGrade(),
                    event.domainsBelowGood(), event.completedAt());
        }
    }

    private final AuditFacts audit;
    private ModerationStatus status;
    private String moderatorId;
    private String assignmentReason;
    private Instant dueBy;
    private Decision decision;
    private Instant moderatedAt;
    private boolean inadequateRaised;
    private boolean requiresImprovementRaised;
    private final Long version;
    private final List<EventPayload> raised = new ArrayList<>();

    private Moderation(AuditFacts audit, ModerationStatus status, String moderatorId, String assignmentReason,
            Instant dueBy, Decision decision, Instant moderatedAt, boolean inadequateRaised,
            boolean requiresImprovementRaised, Long version) {
        this.audit = audit;
        this.requiresImprovementRaised = requiresImprovementRaised;
        this.status = status;
        this.moderatorId = moderatorId;
        this.assignmentReason = assignmentReason;
        this.dueBy = dueBy;
        this.decision = decision;
        this.moderatedAt = moderatedAt;
        this.inadequateRaised = inadequateRaised;
        this.version = version;
    }

    /** A completed audit arrives: moderation starts, and a moderator is assigned when the pool has one. */
    public static Moderation start(AuditFacts audit, List<Candidate> pool, Instant now, Duration moderationTime) {
        Moderation moderation = new Moderation(audit, ModerationStatus.AWAITING_MODERATOR, null, null, null, null,
                null, false, false, null);
        Optional<Candidate> chosen = ModeratorChoice.choose(pool, audit.auditorId());
        chosen.ifPresent(c -> moderation.assign(c.staffId(), "least-loaded eligible moderator (" + c.openModerations()
                + " open), not the auditor", now, moderationTime));
        return moderation;
    }

    public static Moderation restore(AuditFacts audit, ModerationStatus status, String moderatorId,
            String assignmentReason, Instant dueBy, Decision decision, Instant moderatedAt, boolean inadequateRaised,
            boolean requiresImprovementRaised, Long version) {
        return new Moderation(audit, status, moderatorId, assignmentReason, dueBy, decision, moderatedAt,
                inadequateRaised, requiresImprovementRaised, version);
    }

    /** Assigns (or reassigns, before the decision) a moderator, who may not be the auditor. */
    public void assign(String staffId, String reason, Instant now, Duration moderationTime) {
        if (staffId.equals(audit.auditorId())) {
            throw new IllegalArgumentException("the auditor cannot moderate their own audit");
        }
        if (status == ModerationStatus.MODERATED) {
            throw new IllegalStateException("audit " + audit.auditId() + " is already moderated");
        }
        this.moderatorId = staffId;
        this.assignmentReason = reason;
        this.dueBy = now.plus(moderationTime);
        this.status = ModerationStatus.AWAITING_DECISION;
        raised.add(new ModerationAssigned(audit.auditId(), audit.caseId(), staffId, reason, dueBy));
    }

    /** The assigned moderator agrees or changes the grade. */
    public void decide(String by, Decision decided, Instant now) {
        if (status != ModerationStatus.AWAITING_DECISION) {
            throw new IllegalStateException("audit " + audit.auditId() + " is " + status + ", not awaiting a decision");
        }
        if (!by.equals(moderatorId)) {
            throw new SecurityException("only the assigned moderator (" + moderatorId + ") may decide");
        }
        GradeChange change = GradeChange.between(audit.auditorGrade(), decided.finalGrade());
        if (change != GradeChange.AGREED
                && (decided.learningConversation() == null || decided.learningConversation().isBlank())) {
            throw new IllegalArgumentException("the grade changed: record the learning conversation with the auditor");
        }
        this.decision = decided;
        this.moderatedAt = now;
        this.status = ModerationStatus.MODERATED;
        raised.add(new AuditModerated(audit.auditId(), audit.caseId(), audit.serviceId(), audit.teamId(), moderatorId,
                audit.auditorGrade(), decided.finalGrade(), change, now));
        boolean auditorInadequate = audit.auditorGrade() == Grade.INADEQUATE;
        boolean moderatorInadequate = decided.finalGrade() == Grade.INADEQUATE;
        if ((auditorInadequate || moderatorInadequate) && !inadequateRaised) {
            inadequateRaised = true;
            GradedBy gradedBy = auditorInadequate && moderatorInadequate ? GradedBy.AUDITOR_AND_MODERATOR
                    : auditorInadequate ? GradedBy.AUDITOR : GradedBy.MODERATOR;
            raised.add(new GradeInadequate(audit.auditId(), audit.caseId(), audit.serviceId(), audit.teamId(),
                    audit.serviceManagerId(), gradedBy, now, audit.socialWorkerId(), audit.domainsBelowGood()));
        }
        boolean auditorRi = audit.auditorGrade() == Grade.REQUIRES_IMPROVEMENT;
        boolean moderatorRi = decided.finalGrade() == Grade.REQUIRES_IMPROVEMENT;
        if ((auditorRi || moderatorRi) && !auditorInadequate && !moderatorInadequate && !requiresImprovementRaised) {
            requiresImprovementRaised = true;
            GradedBy gradedBy = auditorRi && moderatorRi ? GradedBy.AUDITOR_AND_MODERATOR
                    : auditorRi ? GradedBy.AUDITOR : GradedBy.MODERATOR;
            raised.add(new GradeRequiresImprovement(audit.auditId(), audit.caseId(), audit.serviceId(),
                    audit.teamId(), audit.serviceManagerId(), audit.socialWorkerId(), gradedBy, now,
                    audit.domainsBelowGood()));
        }
    }

    public List<EventPayload> raised() { return List.copyOf(raised); }
    public AuditFacts audit() { return audit; }
    public String auditId() { return audit.auditId(); }
    public ModerationStatus status() { return status; }
    public String moderatorId() { return moderatorId; }
    public String assignmentReason() { return assignmentReason; }
    public Instant dueBy() { return dueBy; }
    public Decision decision() { return decision; }
    public Instant moderatedAt() { return moderatedAt; }
    public boolean inadequateRaised() { return inadequateRaised; }
    public boolean requiresImprovementRaised() { return requiresImprovementRaised; }
    public Long version() { return version; }
}
