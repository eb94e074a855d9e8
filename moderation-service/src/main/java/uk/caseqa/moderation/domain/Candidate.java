package uk.caseqa.moderation.domain;

/** A member of the moderator pool with the number of moderations they have open. */
public record Candidate(String staffId, long openModerations) {
}
