package uk.caseqa.concern.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.messaging.outbox.OutboxEvent;

/**
 * A follow-up; its id derives from the audit id, so a second one of a kind for the same audit cannot be inserted.
 * {@code nextDueAt} is stored so every replica can find the deadlines that have fallen due.
 */
record FollowUpDocument(@Id String id, FollowUp.Kind kind, String profileId, FollowUp.Facts facts,
        String localAuthority, FollowUp.Status status, int cycle, Instant openedAt, FollowUp.SafetyPlan safetyPlan,
        List<Deadline> deadlines, Instant nextDueAt, List<String> answeredBy,
        List<FollowUp.DipSampleResult> dipSampleResults, boolean caseloadAuditRequested,
        List<FollowUp.Transition> history, Long version, List<OutboxEvent> outbox,
        FollowUp.EarlyHelpReview earlyHelpReview) {

    static FollowUpDocument of(FollowUp f) {
        return new FollowUpDocument(f.id(), f.kind(), f.profileId(), f.facts(), f.facts().localAuthority(), f.status(),
                f.cycle(), f.openedAt(), f.safetyPlan(), f.deadlines(), f.nextDueAt(), f.answeredBy(),
                f.dipSampleResults(), f.caseloadAuditRequested(), f.history(), f.version(), null, f.earlyHelpReview());
    }

    FollowUp toDomain() {
        return FollowUp.restore(id, kind, profileId, facts, status, cycle, openedAt, safetyPlan, nullSafe(deadlines),
                nullSafe(answeredBy), nullSafe(dipSampleResults), caseloadAuditRequested, nullSafe(history), version,
                earlyHelpReview);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
