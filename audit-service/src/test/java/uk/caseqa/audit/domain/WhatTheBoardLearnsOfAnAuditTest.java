package uk.caseqa.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.caseqa.audit.domain.AuditorSubmittingAnAuditTest.CASE;
import static uk.caseqa.audit.domain.AuditorSubmittingAnAuditTest.INADEQUATE;
import static uk.caseqa.audit.domain.AuditorSubmittingAnAuditTest.NOW;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.ActionVerified;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditCompleted.AgreedAction;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.FeedbackNotObtained;
import uk.caseqa.contracts.Grade;

/**
 * What reporting-service needs from an audit, in its events and never the words: the case's cohort, why family
 * feedback was not obtained (a category), the actions agreed (owner and due time), and each action's outcome and
 * verification.
 */
class WhatTheBoardLearnsOfAnAuditTest {

    Audit allocated() {
        return Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", NOW,
                Audit.Allocation.full(null, NOW, Period.ofDays(14), Period.ofDays(7), "t@v1"));
    }

    @Test
    void theCompletionCarriesTheCohortTheFeedbackCategoryAndTheAgreedActions() {
        Audit audit = allocated();
        Audit.Submission declined = new Audit.Submission(INADEQUATE.domainGrades(), Grade.INADEQUATE,
                INADEQUATE.rationale(), new FamilyFeedback(null, null, null, null, false, "parent declined",
                        FeedbackNotObtained.DECLINED), INADEQUATE.actions());

        audit.submit("staff-tm-7", declined, NOW.plus(Duration.ofDays(1)));

        AuditCompleted completed = (AuditCompleted) audit.raised().get(1);
        assertThat(completed.cohort()).isEqualTo(Cohort.CP);
        assertThat(completed.familyFeedbackNotObtained()).isEqualTo(FeedbackNotObtained.DECLINED);
        assertThat(completed.actions())
                .extracting(AgreedAction::actionId, AgreedAction::ownerId, AgreedAction::dueBy, AgreedAction::immediate)
                .containsExactly(tuple("audit-1-a1", "staff-tm-1", Instant.parse("2026-11-07T00:00:00Z"), true),
                        tuple("audit-1-a2", "staff-sw-1", Instant.parse("2026-12-01T00:00:00Z"), false));
    }

    @Test
    void feedbackMissingWithoutACategoryCountsAsOther() {
        assertThat(new FamilyFeedback(null, null, null, null, false, "not asked").notObtainedBecause())
                .isEqualTo(FeedbackNotObtained.OTHER);
        assertThat(new FamilyFeedback("parent", "yes", "yes", "no", true, null, FeedbackNotObtained.DECLINED)
                .notObtainedBecause()).as("obtained feedback has no reason").isNull();
    }

    @Test
    void eachActionsOutcomeAndVerificationIsPublished() {
        Audit audit = allocated();
        audit.submit("staff-tm-7", INADEQUATE, NOW.plus(Duration.ofDays(1)));
        Instant done = NOW.plus(Duration.ofDays(3));

        audit.completeAction("audit-1-a1", "staff-tm-1", "Strategy discussion held", done);
        audit.actionNotDone("audit-1-a2", "staff-tm-1", "Worker on leave", done);
        audit.verifyAction("audit-1-a1",
                new AuditAction.Verification(true, "seen", "staff-qa-1", done.plusSeconds(60)));

        assertThat(audit.raised()).filteredOn(ActionClosed.class::isInstance).map(ActionClosed.class::cast)
                .extracting(ActionClosed::actionId, ActionClosed::outcome, ActionClosed::closedAt)
                .containsExactly(tuple("audit-1-a1", ActionClosed.Outcome.COMPLETED, done),
                        tuple("audit-1-a2", ActionClosed.Outcome.NOT_DONE, done));
        assertThat(audit.raised()).filteredOn(ActionVerified.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ActionVerified) e).confirmed()).isTrue());
    }

    @Test
    void aResubmissionWithdrawsTheOpenActionsAndSaysSo() {
        Audit audit = allocated();
        audit.submit("staff-tm-7", INADEQUATE, NOW.plus(Duration.ofDays(1)));
        audit.returned("more evidence", NOW.plus(Duration.ofDays(2)));

        audit.submit("staff-tm-7", new Audit.Submission(Map.of("quality-of-planning", Grade.GOOD), Grade.GOOD,
                "Better.", INADEQUATE.familyFeedback(), List.of()), NOW.plus(Duration.ofDays(4)));

        assertThat(audit.raised()).filteredOn(ActionClosed.class::isInstance).map(ActionClosed.class::cast)
                .extracting(ActionClosed::outcome).containsExactly(ActionClosed.Outcome.WITHDRAWN,
                        ActionClosed.Outcome.WITHDRAWN);
    }
}
