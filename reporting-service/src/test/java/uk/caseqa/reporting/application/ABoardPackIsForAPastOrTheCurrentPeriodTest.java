package uk.caseqa.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Period;

/**
 * A board pack is assembled from a generated year of audits for a past or the current period: a past month's
 * figures hold at its end, with the council's figures for the five months before it; the running month's hold now;
 * a period that has not started, a 6-week cycle that is not the council's, or a council with nothing counted, has
 * no pack, and the refusal says why.
 */
class ABoardPackIsForAPastOrTheCurrentPeriodTest {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final CycleAnchors ANCHORS = new CycleAnchors(LocalDate.of(2024, 1, 1), Map.of());
    static final InMemoryBoardRecords RECORDS = InMemoryBoardRecords.of(YearOfAudits.generate(
            YearOfAudits.twoCouncils(), LocalDate.of(2025, 11, 1), 12, NOW, 42L).events());

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CountingFromRecords counting = new CountingFromRecords(RECORDS, ANCHORS, clock);
    final BoardPacks packs = new BoardPacks(counting, ANCHORS, clock);

    @Test
    void aPastMonthsFiguresHoldAtItsEndWithTheFiveMonthsBeforeItAsTheTrend() {
        BoardPack pack = packs.assemble("swindon", "2026-10");

        assertThat(pack.period()).isEqualTo(Period.parse("2026-10"));
        assertThat(pack.asOf()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(pack.isFinal()).isTrue();
        assertThat(pack.generatedAt()).isEqualTo(NOW);
        assertThat(pack.aggregates()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(counting.count("swindon", List.of(pack.period())));
        assertThat(pack.trend()).extracting(p -> p.period().key())
                .containsExactly("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10");
        for (BoardPack.TrendPoint point : pack.trend()) {
            assertThat(point.council()).as(point.period().key()).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(counting.count("swindon", List.of(point.period())).stream()
                            .filter(a -> a.key().breakdown() == Breakdown.COUNCIL).toList());
        }
    }

    @Test
    void theRunningMonthIsCountedUpToNowAndIsNotFinal() {
        BoardPack pack = packs.assemble("telford-and-wrekin", "2026-11");

        assertThat(pack.asOf()).isEqualTo(NOW);
        assertThat(pack.isFinal()).isFalse();
        assertThat(pack.aggregates()).extracting(BoardCount.Aggregate::asOf).containsOnly(NOW);
    }

    @Test
    void aPeriodThatHasNotStartedIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> packs.assemble("swindon", "2026-12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period: 2026-12 starts on 2026-12-01, after today (2026-11-20); a board pack is for a "
                        + "past or the current period");
        assertThatThrownBy(() -> packs.assemble("swindon", "2027-Q1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts on 2027-01-01");
    }

    @Test
    void anUnreadablePeriodOrAMissingCouncilIsRefused() {
        assertThatThrownBy(() -> packs.assemble("swindon", "2026-13"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2026-13' is not a period");
        assertThatThrownBy(() -> packs.assemble(" ", "2026-10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("localAuthority: required");
    }

    @Test
    void aSixWeekCycleIsOneOfTheCouncilsCyclesAndItsTrendStepsBack42Days() {
        assertThatThrownBy(() -> packs.assemble("swindon", "6w-2026-03-02"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period: 6w-2026-03-02 is not one of swindon's 6-week cycles, which run in 42-day steps "
                        + "from 2024-01-01; 2026-03-02 falls in 6w-2026-01-26");

        BoardPack pack = packs.assemble("swindon", "6w-2026-01-26");
        assertThat(pack.trend()).extracting(p -> p.period().key()).containsExactly("6w-2025-06-30",
                "6w-2025-08-11", "6w-2025-09-22", "6w-2025-11-03", "6w-2025-12-15", "6w-2026-01-26");
    }

    @Test
    void aCouncilWithNothingCountedHasNoPack() {
        assertThatThrownBy(() -> packs.assemble("bolton", "2026-10"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no audit, case of concern or follow-up of bolton was counted in 2026-10 or the 5 "
                        + "periods before it");
    }
}
