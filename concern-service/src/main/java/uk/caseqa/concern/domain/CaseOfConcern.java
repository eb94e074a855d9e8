package uk.caseqa.concern.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.ReAuditScheduled;

/**
 * A case of concern: opened once per audit graded Inadequate. The service manager owes a safety plan within the
 * policy's hours; a short re-audit is due weeks after moderation.
 */
public final class CaseOfConcern {

    public enum Status { OPEN, CLOSED }

    private final String caseOfConcernId;
    private final String auditId;
    private final String localAuthority;
    private final String caseId;
    private final String serviceId;
    private final String teamId;
    private final String serviceManagerId;
    private final GradedBy gradedBy;
    private final Instant gradedAt;
    private final Instant openedAt;
    private final Status status;
    private final List<Deadline> deadlines;
    private final Long version;
    private final List<EventPayload> raised = new ArrayList<>();

    private CaseOfConcern(String caseOfConcernId, String auditId, String localAuthority, String caseId,
            String serviceId, String teamId, String serviceManagerId, GradedBy gradedBy, Instant gradedAt,
            Instant openedAt, Status status, List<Deadline> deadlines, Long version) {
        this.caseOfConcernId = caseOfConcernId;
        this.auditId = auditId;
        this.localAuthority = localAuthority;
        this.caseId = caseId;
        this.serviceId = serviceId;
        this.teamId = teamId;
        this.serviceManagerId = serviceManagerId;
        this.gradedBy = gradedBy;
        this.gradedAt = gradedAt;
        this.openedAt = openedAt;
        this.status = status;
        this.deadlines = List.copyOf(deadlines);
        this.version = version;
    }

    /** The id of the case of concern of an audit: one audit, at most one case of concern. */
    public static String idFor(String auditId) {
        return "coc-" + auditId;
    }

    public static CaseOfConcern open(String localAuthority, GradeInadequate grade, ConcernPolicy policy, Instant now) {
        Deadline plan = new Deadline(Deadline.Kind.SAFETY_PLAN, Deadline.Basis.ELAPSED_HOURS,
                now.plus(policy.safetyPlanTime()), null);
        Deadline reAudit = new Deadline(Deadline.Kind.RE_AUDIT, Deadline.Basis.CALENDAR_WEEKS,
                grade.gradedAt().plus(policy.reAuditDelay()), null);
        CaseOfConcern opened = new CaseOfConcern(idFor(grade.auditId()), grade.auditId(), localAuthority,
                grade.caseId(), grade.serviceId(), grade.teamId(), grade.serviceManagerId(), grade.gradedBy(),
                grade.gradedAt(), now, Status.OPEN, List.of(plan, reAudit), null);
        opened.raised.add(new CaseOfConcernOpened(opened.caseOfConcernId, grade.auditId(), grade.caseId(),
                grade.serviceId(), grade.teamId(), grade.serviceManagerId(), plan.dueAt(), reAudit.dueAt(), now));
        opened.raised.add(new ReAuditScheduled(opened.caseOfConcernId, grade.auditId(), grade.caseId(),
                reAudit.dueAt()));
        return opened;
    }

    public static CaseOfConcern restore(String caseOfConcernId, String auditId, String localAuthority, String caseId,
            String serviceId, String teamId, String serviceManagerId, GradedBy gradedBy, Instant gradedAt,
            Instant openedAt, Status status, List<Deadline> deadlines, Long version) {
        return new CaseOfConcern(caseOfConcernId, auditId, localAuthority, caseId, serviceId, teamId,
                serviceManagerId, gradedBy, gradedAt, openedAt, status, deadlines, version);
    }

    public Deadline deadline(Deadline.Kind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    public List<EventPayload> raised() { return List.copyOf(raised); }
    public String caseOfConcernId() { return caseOfConcernId; }
    public String auditId() { return auditId; }
    public String localAuthority() { return localAuthority; }
    public String caseId() { return caseId; }
    public String serviceId() { return serviceId; }
    public String teamId() { return teamId; }
    public String serviceManagerId() { return serviceManagerId; }
    public GradedBy gradedBy() { return gradedBy; }
    public Instant gradedAt() { return gradedAt; }
    public Instant openedAt() { return openedAt; }
    public Status status() { return status; }
    public List<Deadline> deadlines() { return deadlines; }
    public Long version() { return version; }
}
