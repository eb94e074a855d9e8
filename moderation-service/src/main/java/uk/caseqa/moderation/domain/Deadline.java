package uk.caseqa.moderation.domain;

import java.time.Instant;

/** A stored deadline of a moderation or IRO request; a firing is recorded in the write that raises its event. */
public record Deadline(Kind kind, Instant dueAt, Instant firedAt) {

    /** {@code MODERATOR_SEARCH}: when to look again for a moderator for an audit that has none yet. */
    public enum Kind { MODERATION, PANEL_CLOSE, IRO_COMMENT, MODERATOR_SEARCH }

    public boolean pending() {
        return firedAt == null;
    }

    public boolean dueBy(Instant now) {
        return pending() && !dueAt.isAfter(now);
    }

    Deadline fired(Instant at) {
        return new Deadline(kind, dueAt, at);
    }
}
