package uk.caseqa.reporting.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * What a council's QA board reads for one period: every aggregate of the period (each measure by council, service,
 * team, cohort and auditor) and a trend of the council's own aggregates over the period and the ones of the same
 * type before it. The figures hold at {@code asOf}: the period's end once it is over, the moment of generation while
 * it runs. Everything but {@code generatedAt} follows from the council, the period and the records, so a past
 * period's pack generated again holds the same figures.
 *
 * @param aggregates every aggregate of the council in {@code period}
 * @param trend the council-level aggregates of each period of the trend, oldest first, ending with {@code period}
 */
public record BoardPack(String localAuthority, Period period, Instant asOf, Instant generatedAt,
        List<BoardCount.Aggregate> aggregates, List<TrendPoint> trend) {

    public BoardPack {
        aggregates = List.copyOf(aggregates);
        trend = List.copyOf(trend);
    }

    /** One period of the trend, with the council-level aggregate of each measure counted in it. */
    public record TrendPoint(Period period, List<BoardCount.Aggregate> council) {

        public TrendPoint {
            council = List.copyOf(council);
        }

        /** The council's aggregate of the measure in this period; empty when nothing was counted for it. */
        public Optional<BoardCount.Aggregate> of(Measure measure) {
            return council.stream().filter(a -> a.key().measure() == measure).findFirst();
        }
    }

    /** The period's aggregates of the measure under the breakdown (one per team, say), ordered by value. */
    public List<BoardCount.Aggregate> by(Measure measure, Breakdown breakdown) {
        return aggregates.stream()
                .filter(a -> a.key().measure() == measure && a.key().breakdown() == breakdown)
                .sorted(Comparator.comparing(a -> a.key().value()))
                .toList();
    }

    /** The council-level aggregate of the measure in the period; empty when nothing was counted for it. */
    public Optional<BoardCount.Aggregate> council(Measure measure) {
        return by(measure, Breakdown.COUNCIL).stream().findFirst();
    }

    /** Whether the period is over, so that its figures no longer change. */
    public boolean isFinal() {
        return !asOf.isBefore(period.end());
    }
}
