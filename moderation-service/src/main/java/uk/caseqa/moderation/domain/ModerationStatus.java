package uk.caseqa.moderation.domain;

/** Where a moderation is. */
public enum ModerationStatus {
    AWAITING_MODERATOR, AWAITING_DECISION, MODERATED
}
