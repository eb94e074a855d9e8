package uk.caseqa.reporting.domain;

import java.time.Instant;

/**
 * One clock of the framework for one thing (an audit's completion, an IRO's comments, a safety plan...): when it
 * started, when it was due and when it was done. Any may still be unknown; a clock whose start is unknown counts as
 * running since before anything it is asked about.
 */
public record Clocked(Instant startedAt, Instant dueBy, Instant doneAt) {

    public static final Clocked NONE = new Clocked(null, null, null);

    /**
     * How the clock stood at {@code asOf}; {@code null} when it was not running yet (not started by then, or no due
     * date known), so a clock started after a period ended is not counted in it.
     */
    public Timeliness at(Instant asOf) {
        if (startedAt != null && startedAt.isAfter(asOf)) {
            return null;
        }
        if (doneAt != null && !doneAt.isAfter(asOf)) {
            return dueBy == null || !doneAt.isAfter(dueBy) ? Timeliness.MET : Timeliness.LATE;
        }
        if (dueBy == null) {
            return null;
        }
        return dueBy.isAfter(asOf) ? Timeliness.OPEN : Timeliness.OVERDUE;
    }

    /**
     * The first due date stays (a clock is judged by the deadline first given), filled in if unknown; {@code since},
     * when the event giving it says the clock started (null if it does not), keeps the earliest start.
     */
    public Clocked due(Instant due, Instant since) {
        Instant start = since == null || startedAt != null && !since.isBefore(startedAt) ? startedAt : since;
        return new Clocked(start, dueBy != null || due == null ? dueBy : due, doneAt);
    }

    /** The first time it was done stays (a later redo is not the clock's end). */
    public Clocked done(Instant at) {
        return at == null || doneAt != null && !at.isBefore(doneAt) ? this : new Clocked(startedAt, dueBy, at);
    }

    /** Met (done by the due date), late (done after it), overdue (not done, past due) or open (not yet due). */
    public enum Timeliness { MET, LATE, OVERDUE, OPEN }
}
