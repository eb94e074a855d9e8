package uk.caseqa.reporting.adapter.out.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.application.BoardPacks;
import uk.caseqa.reporting.application.CountingFromRecords;
import uk.caseqa.reporting.application.CycleAnchors;
import uk.caseqa.reporting.application.InMemoryBoardRecords;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.domain.BoardCount;

/**
 * A board reads October's pack in November and again at its next meeting: the figures must not have moved. The
 * pack is generated again a month later, and again from the records as they were early in November, before later
 * moderations, plans and closures arrived; only the generation time differs.
 */
class APastMonthsPackIsTheSameWhenGeneratedAgainTest {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final CycleAnchors ANCHORS = new CycleAnchors(LocalDate.of(2024, 1, 1), Map.of());
    static final YearOfAudits.History HISTORY = YearOfAudits.generate(YearOfAudits.twoCouncils(),
            LocalDate.of(2025, 11, 1), 12, NOW, 42L);

    final CsvBoardPackRenderer csv = new CsvBoardPackRenderer();

    @Test
    void aMonthLaterThePackHoldsTheSameFiguresAndItsCsvIsTheSameByteForByte() {
        InMemoryBoardRecords records = InMemoryBoardRecords.of(HISTORY.events());
        BoardPack first = pack(records, NOW, "swindon", "2026-10");
        BoardPack again = pack(records, NOW.plus(Duration.ofDays(30)), "swindon", "2026-10");

        assertThat(again.generatedAt()).isAfter(first.generatedAt());
        assertThat(again).usingRecursiveComparison().ignoringFields("generatedAt").isEqualTo(first);
        assertThat(csv.render(again)).isEqualTo(csv.render(first));
    }

    /**
     * Every measure, timeliness too: a clock that started after the month ended (a panel close, started when the
     * panel accepted the audit in November) is not counted in October at all.
     */
    @Test
    void eventsAfterTheMonthEndedDoNotChangeAnyOfItsCounts() {
        Instant early = Instant.parse("2026-11-03T12:00:00Z");
        InMemoryBoardRecords thenKnown = InMemoryBoardRecords.of(HISTORY.events().stream()
                .filter(e -> !e.time().isAfter(early)).toList());
        InMemoryBoardRecords allKnown = InMemoryBoardRecords.of(HISTORY.events());
        assertThat(HISTORY.events()).as("events came after the early generation")
                .anyMatch(e -> e.time().isAfter(early));

        for (String council : new String[] {"swindon", "telford-and-wrekin"}) {
            BoardPack first = pack(thenKnown, early, council, "2026-10");
            BoardPack again = pack(allKnown, NOW.plus(Duration.ofDays(30)), council, "2026-10");

            assertThat(again.asOf()).isEqualTo(first.asOf());
            assertThat(everyCount(again)).as(council).isNotEmpty().isEqualTo(everyCount(first));
            assertThat(csvLines(again)).as(council).isEqualTo(csvLines(first));
        }
    }

    private static List<BoardCount.Aggregate> everyCount(BoardPack pack) {
        return Stream.concat(pack.aggregates().stream(), pack.trend().stream().flatMap(p -> p.council().stream()))
                .toList();
    }

    private List<String> csvLines(BoardPack pack) {
        return new String(csv.render(pack), StandardCharsets.UTF_8).lines().toList();
    }

    private static BoardPack pack(InMemoryBoardRecords records, Instant now, String council, String period) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new BoardPacks(new CountingFromRecords(records, ANCHORS, clock), ANCHORS, clock)
                .assemble(council, period);
    }
}
