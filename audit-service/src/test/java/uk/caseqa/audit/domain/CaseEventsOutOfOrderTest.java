package uk.caseqa.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.Cohort;

class CaseEventsOutOfOrderTest {

    static final Instant OPENED = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant MOVED_TO_CP = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant CLOSED = Instant.parse("2026-10-01T09:00:00Z");
    static final CaseState.Responsibility FIRST_TEAM = new CaseState.Responsibility("svc-1", "team-1", "sw-1", "tm-1",
            "sm-1", null);
    static final CaseState.Responsibility SECOND_TEAM = new CaseState.Responsibility("svc-1", "team-2", "sw-2", "tm-2",
            "sm-1", "iro-1");

    @Test
    void eventsInOrderGiveTheLatestPicture() {
        CaseState state = CaseState.unknown("case-1", "bolton").opened(Cohort.CIN, FIRST_TEAM, OPENED)
                .cohortChanged(Cohort.CP, MOVED_TO_CP).responsibilityChanged(SECOND_TEAM, MOVED_TO_CP);

        assertThat(state.record().cohort()).isEqualTo(Cohort.CP);
        assertThat(state.record().teamId()).isEqualTo("team-2");
        assertThat(state.open()).isTrue();
        assertThat(state.closed(CLOSED).open()).isFalse();
    }

    @Test
    void theSameEventsInReverseOrderGiveTheSamePicture() {
        CaseState state = CaseState.unknown("case-1", "bolton").closed(CLOSED)
                .responsibilityChanged(SECOND_TEAM, MOVED_TO_CP).cohortChanged(Cohort.CP, MOVED_TO_CP)
                .opened(Cohort.CIN, FIRST_TEAM, OPENED);

        assertThat(state.record().cohort()).isEqualTo(Cohort.CP);
        assertThat(state.record().teamId()).isEqualTo("team-2");
        assertThat(state.record().iroId()).isEqualTo("iro-1");
        assertThat(state.open()).isFalse();
        assertThat(state.openedAt()).isEqualTo(OPENED);
    }

    @Test
    void aCaseKnownOnlyFromAClosureIsNotYetAuditable() {
        assertThat(CaseState.unknown("case-2", "bolton").closed(CLOSED).known()).isFalse();
    }
}
