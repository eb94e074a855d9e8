package uk.caseqa.concern.domain;

import java.time.Instant;

/**
 * A stored deadline: what is due, the time basis it was computed on, when it falls due and when (if) it fired.
 * Stored with the case of concern, so it survives restarts and any replica can find it.
 */
public record Deadline(Kind kind, Basis basis, Instant dueAt, Instant firedAt) {

    public enum Kind { SAFETY_PLAN, RE_AUDIT }

    public enum Basis { ELAPSED_HOURS, CALENDAR_WEEKS, WORKING_DAYS }
}
