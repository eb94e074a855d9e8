package uk.caseqa.concern.domain;

import java.time.Duration;

/**
 * What a council's profile says about a case of concern: the safety plan is due {@code safetyPlanHours} after the
 * case of concern opens (elapsed hours), the short re-audit {@code reAuditWeeks} calendar weeks after moderation.
 */
public record ConcernPolicy(int safetyPlanHours, int reAuditWeeks) {
    public ConcernPolicy {
        if (safetyPlanHours <= 0 || reAuditWeeks <= 0) {
            throw new IllegalArgumentException("deadlines must be positive");
        }
    }

    Duration safetyPlanTime() {
        return Duration.ofHours(safetyPlanHours);
    }

    Duration reAuditDelay() {
        return Duration.ofDays(7L * reAuditWeeks);
    }
}
