package uk.caseqa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.caseqa.reporting.application.BoardRecords;
import uk.caseqa.reporting.application.BoardView;
import uk.caseqa.reporting.application.InMemoryBoardRecords;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.ServiceReplica;
import uk.caseqa.testsupport.TestIsolation;
import uk.caseqa.testsupport.TopicProbe;

/**
 * Four generated months of two councils' events goes over the real broker to two replicas of reporting-service (one
 * consumer group; each council counted by one replica at a time); both replicas' dashboard views, read from the
 * compacted aggregates topic, show the figures the counting gives for the same history. Then a third replica starts
 * with {@code caseqa.reporting.rebuild=true}: it forgets the board, replays every input topic from offset zero,
 * reports its progress as a metric, and ends with the same records and the same figures.
 */
class TheBoardRebuiltFromTheEventHistoryIT {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final YearOfAudits.History HISTORY = YearOfAudits.generate(YearOfAudits.twoCouncils(),
            LocalDate.of(2026, 7, 1), 4, NOW, 11L);
    static final List<String> PERIODS = List.of("2026-10", "2026-W40", "6w-2026-08-24", "2026-Q3", "2026-H2", "2026");

    @Test
    void twoReplicasShowTheMonthsAndARebuildFromOffsetZeroGivesTheSameBoard() {
        String isolation = TestIsolation.newName();
        MutableClock clock = new MutableClock(NOW);
        Map<String, Map<String, Long>> expected = expected();
        // counted as often as it can be: this story is about what the replicas show, not how often they count
        Map<String, Object> fast = Map.of("caseqa.reporting.publish-interval", "200ms",
                "caseqa.reporting.recount-share", "1");

        try (ConfigurableApplicationContext a = ServiceReplica.start(ReportingServiceApplication.class,
                ReportingServiceApplication.CONFIG_NAME, isolation, clock, fast);
                ConfigurableApplicationContext b = ServiceReplica.start(ReportingServiceApplication.class,
                        ReportingServiceApplication.CONFIG_NAME, isolation, clock, fast);
                TopicProbe topics = TopicProbe.forPrefix(isolation + ".")) {
            HISTORY.events().forEach(topics::send);

            for (ConfigurableApplicationContext replica : List.of(a, b)) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(differences(expected, shown(replica.getBean(BoardView.class))))
                                .isEmpty());
            }
        }

        Map<String, Object> rebuild = Map.of("caseqa.reporting.publish-interval", "200ms",
                "caseqa.reporting.recount-share", "1", "caseqa.reporting.rebuild", "true");
        try (ConfigurableApplicationContext c = ServiceReplica.start(ReportingServiceApplication.class,
                ReportingServiceApplication.CONFIG_NAME, isolation, clock, rebuild)) {
            MongoTemplate store = c.getBean(MongoTemplate.class);
            MeterRegistry meters = c.getBean(MeterRegistry.class);
            long records = recordsIn(InMemoryBoardRecords.of(HISTORY.events()));

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(store.count(new Query(), "boardRecords")).isEqualTo(records);
                assertThat(meters.get("caseqa.reporting.catchup.events").gauge().value())
                        .isEqualTo(HISTORY.events().size());
                assertThat(meters.get("caseqa.reporting.catchup.progress").gauge().value()).isEqualTo(1.0);
                assertThat(meters.get("caseqa.reporting.catchup.remaining").gauge().value()).isZero();
                assertThat(differences(expected, shown(c.getBean(BoardView.class)))).isEmpty();
            });
        }
    }

    /** The council- and team-level aggregates of the periods, counted from the same history without Kafka. */
    static Map<String, Map<String, Long>> expected() {
        InMemoryBoardRecords records = InMemoryBoardRecords.of(HISTORY.events());
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (String la : List.of("swindon", "telford-and-wrekin")) {
            BoardRecords.CouncilRecords council = records.load(la);
            for (String key : PERIODS) {
                BoardCount.count(la, Period.parse(key), NOW, council.audits(), council.concerns(), council.followUps())
                        .stream().filter(x -> x.key().breakdown() == Breakdown.COUNCIL
                                || x.key().breakdown() == Breakdown.TEAM)
                        .forEach(x -> expected.put(x.key().id(), x.counts()));
            }
        }
        return expected;
    }

    static Map<String, Map<String, Long>> shown(BoardView view) {
        Map<String, Map<String, Long>> shown = new TreeMap<>();
        for (String la : List.of("swindon", "telford-and-wrekin")) {
            for (Measure measure : Measure.values()) {
                for (Breakdown breakdown : List.of(Breakdown.COUNCIL, Breakdown.TEAM)) {
                    for (String key : PERIODS) {
                        view.ask(new BoardView.Question(measure, la, breakdown, null, key, null, null, null))
                                .forEach(s -> shown.put(String.join("|", s.measure(), la, breakdown.name(), s.value(),
                                        s.period()), s.counts()));
                    }
                }
            }
        }
        return shown;
    }

    /** Each aggregate shown otherwise than expected, or expected and missing, or shown and not expected. */
    static Map<String, String> differences(Map<String, Map<String, Long>> expected, Map<String, Map<String, Long>> shown) {
        Map<String, String> differences = new TreeMap<>();
        java.util.Set<String> ids = new java.util.TreeSet<>(expected.keySet());
        ids.addAll(shown.keySet());
        for (String id : ids) {
            if (!java.util.Objects.equals(expected.get(id), shown.get(id))) {
                differences.put(id, "expected " + expected.get(id) + " but shown " + shown.get(id));
            }
        }
        return differences;
    }

    static long recordsIn(InMemoryBoardRecords records) {
        List<Object> all = new ArrayList<>();
        for (String la : List.of("swindon", "telford-and-wrekin")) {
            BoardRecords.CouncilRecords council = records.load(la);
            all.addAll(council.audits());
            all.addAll(council.concerns());
            all.addAll(council.followUps());
        }
        return all.size();
    }
}
