package uk.caseqa.moderation.domain;

import uk.caseqa.contracts.Grade;

/**
 * The moderator's decision: the final overall grade (the auditor's, when agreeing) with a rationale, and, where the
 * grade changed, the learning conversation held with the auditor.
 */
public record Decision(Grade finalGrade, String rationale, String learningConversation) {
    public Decision {
        if (finalGrade == null) {
            throw new IllegalArgumentException("finalGrade is required");
        }
        if (rationale == null || rationale.isBlank()) {
            throw new IllegalArgumentException("the decision needs a rationale");
        }
    }
}
