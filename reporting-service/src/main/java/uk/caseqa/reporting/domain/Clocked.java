package uk.caseqa.reporting.domain;

import java.time.Instant;

/**
 * One clock of the framework for one thing (an audit's completion, an IRO's comments, a safety plan...): when it was
 * due and when it was done. Either may still be unknown.
 */
public record Clocked(Instant dueBy, Instant doneAt) {

    public static final Clocked NONE = new Clocked(null, null);

    /** How the clock stood at {@code asOf}; {@code null} when it was not running yet (no due date known). */
    public Timeliness at(Instant asOf) {
        if (doneAt != null && !doneAt.isAfter(asOf)) {
            return dueBy == null || !doneAt.isAfter(dueBy) ? Timeliness.MET : Timeliness.LATE;
        }
        if (dueBy == null) {
            return null;
        }
        return dueBy.isAfter(asOf) ? Timeliness.OPEN : Timeliness.OVERDUE;
    }

    /** The first due date stays (a clock is judged by the deadline first given), filled in if unknown. */
    public Clocked due(Instant due) {
        return dueBy != null || due == null ? this : new Clocked(due, doneAt);
    }

    /** The first time it was done stays (a later redo is not the clock's end). */
    public Clocked done(Instant at) {
        return at == null || doneAt != null && !at.isBefore(doneAt) ? this : new Clocked(dueBy, at);
    }

    /** Met (done by the due date), late (done after it), overdue (not done, past due) or open (not yet due). */
    public enum Timeliness { MET, LATE, OVERDUE, OPEN }
}
