package uk.caseqa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import uk.caseqa.testsupport.WireMongo;

class AnAggregateWithNothingDueLeavesTheDeadlineScanTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    final WireMongo store = new WireMongo();
    final AggregateStore aggregates = new AggregateStore(store.template());

    record Plan(@Id String id, String draft, Instant nextDueAt) {
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void whenTheLastDeadlineHasFiredTheStoredDueTimeGoesSoTheScanNoLongerReadsIt() {
        aggregates.insert(new Plan("plan-1", "half written", NOW.minusSeconds(60)), List.of(), "plans");
        assertThat(aggregates.idsDueBy(NOW, "plans")).containsExactly("plan-1");

        aggregates.update(new Plan("plan-1", null, null), 0L, List.of(), "plans");

        Document stored = store.template().findById("plan-1", Document.class, "plans");
        assertThat(stored).doesNotContainKeys("nextDueAt", "draft");
        assertThat(aggregates.idsDueBy(NOW.plusSeconds(3600), "plans")).isEmpty();
    }

    @Test
    void anAggregateSetAsideIsLeftOutOfTheScanUntilThenAndCarriesTheReason() {
        aggregates.insert(new Plan("plan-1", null, NOW.minusSeconds(60)), List.of(), "plans");
        aggregates.insert(new Plan("plan-2", null, NOW.minusSeconds(30)), List.of(), "plans");

        aggregates.setAside("plan-1", NOW.plus(DueDeadlines.SET_ASIDE), "NoSuchElementException: no profile x", "plans");

        assertThat(aggregates.idsDueBy(NOW, "plans")).containsExactly("plan-2");
        assertThat(aggregates.idsDueBy(NOW.plus(DueDeadlines.SET_ASIDE), "plans")).contains("plan-1", "plan-2");
        assertThat(store.template().findById("plan-1", Document.class, "plans").getString(
                AggregateStore.SET_ASIDE_REASON_FIELD)).contains("no profile x");
    }
}
