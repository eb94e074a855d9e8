package uk.caseqa.concern.domain;

import java.time.Instant;

/**
 * A stored deadline: what is due, the time basis it was computed on, when it falls due, the escalation level or cycle
 * it belongs to, and when (if) it fired. Stored in the follow-up's document, so it survives restarts and any replica
 * finds it; firing is recorded in the same write as the event it raises, so it fires once.
 */
public record Deadline(Kind kind, Basis basis, Instant dueAt, int step, Instant firedAt) {

    public enum Kind { SAFETY_PLAN, RE_AUDIT, DIP_SAMPLE }

    public enum Basis { ELAPSED_HOURS, CALENDAR_WEEKS, CALENDAR_DAYS, WORKING_DAYS }

    public boolean pending() {
        return firedAt == null;
    }

    public boolean dueBy(Instant now) {
        return pending() && !dueAt.isAfter(now);
    }

    Deadline fired(Instant at) {
        return new Deadline(kind, basis, dueAt, step, at);
    }
}
