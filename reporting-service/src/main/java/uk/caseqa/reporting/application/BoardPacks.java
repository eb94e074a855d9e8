package uk.caseqa.reporting.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Period;

/**
 * Use case: assemble a council's board pack for a past or the current period (a month, 6-week cycle, quarter,
 * half-year or year, as its board meets), counted straight from the records as they stood at the period's end, with
 * the council's figures for the periods before it to show the trend. Counting from the records rather than the
 * published aggregates means any past period can be asked for, and asking again gives the same figures.
 */
@Service
public class BoardPacks {

    /** How many periods the trend shows: the pack's own and the five of the same type before it. */
    static final int TREND_PERIODS = 6;

    private final CountingFromRecords counting;
    private final CycleAnchors anchors;
    private final Clock clock;

    public BoardPacks(CountingFromRecords counting, CycleAnchors anchors, Clock clock) {
        this.counting = counting;
        this.anchors = anchors;
        this.clock = clock;
    }

    /**
     * The council's pack for the period with this key ({@code 2026-10}, {@code 2026-W07}, {@code 6w-2026-01-26},
     * {@code 2026-Q3}, {@code 2026-H2} or {@code 2026}).
     *
     * @throws IllegalArgumentException for an unreadable key, a period that has not started, or a 6-week cycle that
     *         is not one of the council's
     * @throws NoSuchElementException when nothing of the council was counted in the period or the trend before it
     */
    public BoardPack assemble(String localAuthority, String periodKey) {
        if (localAuthority == null || localAuthority.isBlank()) {
            throw new IllegalArgumentException("localAuthority: required");
        }
        Period period = anchors.period(localAuthority, periodKey);
        Instant now = clock.instant();
        requireStarted(period, now);
        List<Period> periods = counting.trend(localAuthority, period.key(), TREND_PERIODS);
        List<BoardCount.Aggregate> counted = counting.count(localAuthority, periods);
        if (counted.isEmpty()) {
            throw new NoSuchElementException("no audit, case of concern or follow-up of " + localAuthority
                    + " was counted in " + period.key() + " or the " + (TREND_PERIODS - 1) + " periods before it");
        }
        List<BoardPack.TrendPoint> trend = periods.stream()
                .map(p -> new BoardPack.TrendPoint(p, counted.stream()
                        .filter(a -> a.key().period().equals(p.key()))
                        .filter(a -> a.key().breakdown() == Breakdown.COUNCIL)
                        .toList()))
                .toList();
        List<BoardCount.Aggregate> inPeriod = counted.stream()
                .filter(a -> a.key().period().equals(period.key()))
                .toList();
        return new BoardPack(localAuthority, period, period.asOf(now), now, inPeriod, trend);
    }

    private static void requireStarted(Period period, Instant now) {
        if (period.start().isAfter(now)) {
            throw new IllegalArgumentException("period: " + period.key() + " starts on " + period.firstDay()
                    + ", after today (" + now.atZone(Period.ENGLAND).toLocalDate()
                    + "); a board pack is for a past or the current period");
        }
    }

}
