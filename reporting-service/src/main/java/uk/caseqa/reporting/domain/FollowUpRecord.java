package uk.caseqa.reporting.domain;

import java.time.Instant;
import uk.caseqa.contracts.Grade;

/**
 * A follow-up that is not a case of concern: a Requires Improvement short audit, a dip sample of a worker's cases or
 * a caseload audit (Wandsworth). Requested once, closed once with an outcome.
 */
public record FollowUpRecord(String localAuthority, String followUpId, Kind kind, String auditId, Instant requestedAt,
        Clocked clock, String outcome, Grade grade) {

    public enum Kind { SHORT_AUDIT, DIP_SAMPLE, CASELOAD_AUDIT }

    public FollowUpRecord {
        clock = clock == null ? Clocked.NONE : clock;
    }

    public static FollowUpRecord of(String localAuthority, String followUpId) {
        return new FollowUpRecord(localAuthority, followUpId, null, null, null, null, null, null);
    }

    public FollowUpRecord requested(Kind kind, String auditId, Instant at, Instant dueBy) {
        return new FollowUpRecord(localAuthority, followUpId, this.kind == null ? kind : this.kind,
                this.auditId == null ? auditId : this.auditId,
                requestedAt == null || at != null && at.isBefore(requestedAt) ? at : requestedAt, clock.due(dueBy, at),
                outcome, grade);
    }

    public FollowUpRecord closed(String auditId, String outcome, Grade grade, Instant at) {
        return new FollowUpRecord(localAuthority, followUpId, kind, this.auditId == null ? auditId : this.auditId,
                requestedAt, clock.done(at), this.outcome == null ? outcome : this.outcome,
                this.grade == null ? grade : this.grade);
    }

    /** Counted in the period it was requested in (when a request is known). */
    public boolean countsIn(Period period) {
        return kind != null && period.contains(requestedAt);
    }

    public java.util.List<Instant> periodDates() {
        return requestedAt == null ? java.util.List.of() : java.util.List.of(requestedAt);
    }
}
