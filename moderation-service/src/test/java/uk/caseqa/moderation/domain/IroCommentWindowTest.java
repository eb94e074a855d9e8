package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.IroCommentOverdue;
import uk.caseqa.contracts.IroCommentRecorded;
import uk.caseqa.contracts.IroCommentRequested;

class IroCommentWindowTest {

    static final Instant ALLOCATED = Instant.parse("2026-11-02T09:00:00Z");

    IroCommentRequest asked() {
        return IroCommentRequest.request("audit-1", "swindon", "case-1", "staff-iro-5", ALLOCATED, 72);
    }

    @Test
    void theIroIsAskedForCommentsDueIn72HoursAndCommentingInTimeStopsTheClock() {
        IroCommentRequest request = asked();
        assertThat(request.raised()).singleElement().isInstanceOf(IroCommentRequested.class)
                .satisfies(e -> assertThat(((IroCommentRequested) e).dueBy()).isEqualTo(Instant.parse("2026-11-05T09:00:00Z")));

        request.record("staff-iro-5", "Agree with the auditor's view of planning.", ALLOCATED.plus(Duration.ofHours(71)));

        assertThat(request.fireIfDue(ALLOCATED.plus(Duration.ofHours(80)))).isFalse();
        assertThat(request.nextDueAt()).isNull();
        assertThat(request.raised()).filteredOn(IroCommentRecorded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((IroCommentRecorded) e).late()).isFalse());
    }

    @Test
    void noCommentIn72HoursIsOverdueOnceAndALateCommentIsStillTakenAndMarkedLate() {
        IroCommentRequest request = asked();

        assertThat(request.fireIfDue(ALLOCATED.plus(Duration.ofHours(72)).minusSeconds(1))).isFalse();
        assertThat(request.fireIfDue(ALLOCATED.plus(Duration.ofHours(72)))).isTrue();
        assertThat(request.fireIfDue(ALLOCATED.plus(Duration.ofHours(100)))).isFalse();
        request.record("staff-iro-5", "Sorry for the delay.", ALLOCATED.plus(Duration.ofHours(101)));

        assertThat(request.raised()).filteredOn(IroCommentOverdue.class::isInstance).hasSize(1);
        assertThat(request.raised()).filteredOn(IroCommentRecorded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((IroCommentRecorded) e).late()).isTrue());
    }

    @Test
    void onlyTheCasesIroCommentsAndOnlyOnce() {
        IroCommentRequest request = asked();

        assertThatThrownBy(() -> request.record("staff-iro-6", "x", ALLOCATED)).isInstanceOf(SecurityException.class);
        request.record("staff-iro-5", "first", ALLOCATED);
        assertThatThrownBy(() -> request.record("staff-iro-5", "second", ALLOCATED))
                .isInstanceOf(IllegalStateException.class);
    }
}
