package uk.caseqa.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.Grade;

/**
 * What boards need to know of one case of concern (an Inadequate grade): where it was opened, the safety plan's
 * 24-hour clock, the re-audit's clock, each re-audit's grade, escalations and closure. Events may arrive in any order
 * and more than once; the record is the same.
 */
public record ConcernRecord(String localAuthority, String caseOfConcernId, String auditId, String serviceId,
        String teamId, Instant openedAt, Clocked safetyPlan, Clocked reAudit, List<ReAudit> reAudits,
        Instant closedAt) {

    /** A re-audit's result: the grade, and whether the case of concern closed (improved) or escalated. */
    public record ReAudit(int cycle, Instant at, Grade grade, boolean improved) {
    }

    public ConcernRecord {
        safetyPlan = safetyPlan == null ? Clocked.NONE : safetyPlan;
        reAudit = reAudit == null ? Clocked.NONE : reAudit;
        reAudits = reAudits == null ? List.of() : List.copyOf(reAudits);
    }

    public static ConcernRecord of(String localAuthority, String caseOfConcernId) {
        return new ConcernRecord(localAuthority, caseOfConcernId, null, null, null, null, null, null, null, null);
    }

    public ConcernRecord opened(CaseOfConcernOpened e) {
        return new ConcernRecord(localAuthority, caseOfConcernId, e.auditId(), e.serviceId(), e.teamId(),
                openedAt == null || e.openedAt().isBefore(openedAt) ? e.openedAt() : openedAt,
                safetyPlan.due(e.safetyPlanDueBy(), e.openedAt()), reAudit.due(e.reAuditDueBy(), e.openedAt()), reAudits, closedAt);
    }

    public ConcernRecord safetyPlan(String auditId, Instant dueBy, Instant recordedAt) {
        return new ConcernRecord(localAuthority, caseOfConcernId, this.auditId == null ? auditId : this.auditId,
                serviceId, teamId, openedAt, safetyPlan.due(dueBy, null).done(recordedAt), reAudit, reAudits, closedAt);
    }

    public ConcernRecord reAuditDue(String auditId, Instant dueBy) {
        return new ConcernRecord(localAuthority, caseOfConcernId, this.auditId == null ? auditId : this.auditId,
                serviceId, teamId, openedAt, safetyPlan, reAudit.due(dueBy, null), reAudits, closedAt);
    }

    /** A re-audit's result; the first one ends the re-audit clock. */
    public ConcernRecord reAudited(String auditId, String teamId, int cycle, Instant at, Grade grade, boolean improved) {
        List<ReAudit> all = new ArrayList<>(reAudits);
        if (all.stream().noneMatch(r -> r.cycle() == cycle && r.improved() == improved)) {
            all.add(new ReAudit(cycle, at, grade, improved));
            all.sort(Comparator.comparing(ReAudit::at));
        }
        Instant closed = improved && (closedAt == null || at.isBefore(closedAt)) ? at : closedAt;
        return new ConcernRecord(localAuthority, caseOfConcernId, this.auditId == null ? auditId : this.auditId,
                serviceId, this.teamId == null ? teamId : this.teamId, openedAt, safetyPlan, reAudit.done(at), all,
                closed);
    }

    public boolean openedBy(Instant asOf) {
        return openedAt != null && !openedAt.isAfter(asOf);
    }

    public boolean closedBy(Instant asOf) {
        return closedAt != null && !closedAt.isAfter(asOf);
    }

    /** Counted in the period it was opened in. */
    public boolean countsIn(Period period) {
        return period.contains(openedAt);
    }

    public List<Instant> periodDates() {
        return openedAt == null ? List.of() : List.of(openedAt);
    }

    /** Cases of concern are counted by council, service and team; null for the other breakdowns. */
    public String valueFor(Breakdown breakdown) {
        return switch (breakdown) {
            case COUNCIL -> localAuthority;
            case SERVICE -> serviceId;
            case TEAM -> teamId;
            default -> null;
        };
    }
}
