package uk.caseqa.moderation.domain;

/** Where an audit is between completion and closure. */
public enum ModerationStatus {
    AWAITING_MODERATOR, AWAITING_DECISION, AWAITING_PANEL, RETURNED, ACCEPTED, CLOSED
}
