package uk.caseqa.concern.domain;

import java.time.Instant;
import uk.caseqa.contracts.calendar.EnglishCalendar;

/**
 * A stored deadline: what is due, the time basis it was computed on, when it falls due, the escalation level or cycle
 * it belongs to, and when (if) it fired. Stored in the follow-up's document, so it survives restarts and any replica
 * finds it; firing is recorded in the same write as the event it raises, so it fires once.
 */
public record Deadline(Kind kind, Basis basis, Instant dueAt, int step, Instant firedAt) {

    public enum Kind { SAFETY_PLAN, RE_AUDIT, DIP_SAMPLE }

    /**
     * How a deadline is counted, and the arithmetic that goes with it: elapsed hours are a fixed duration; calendar
     * days and weeks keep the wall-clock time in England across a clock change.
     */
    public enum Basis {
        ELAPSED_HOURS, CALENDAR_WEEKS, CALENDAR_DAYS;

        public Instant after(Instant from, int amount) {
            return switch (this) {
                case ELAPSED_HOURS -> from.plus(java.time.Duration.ofHours(amount));
                case CALENDAR_DAYS -> EnglishCalendar.plusDays(from, amount);
                case CALENDAR_WEEKS -> EnglishCalendar.plusWeeks(from, amount);
            };
        }
    }

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
