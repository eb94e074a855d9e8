package uk.caseqa.reporting.adapter.out.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;

/**
 * A board pack's tables as flat rows, the same for the CSV file and the workbook: for each measure, every aggregate
 * of the period by council, service, team, cohort and auditor, then the council's aggregates of the earlier periods
 * of the trend, oldest first. Each aggregate gives one row per bucket ({@link Buckets#ordered}, a bucket always shown
 * counting 0 when nothing was counted in it) and then one row per figure derived from its counts.
 */
final class PackRows {

    /** The column names, in order. */
    static final List<String> HEADER = List.of("measure", "breakdown", "value", "period", "bucket", "count", "figure");

    /**
     * One row: a count, or a figure (a percentage or kappa) named in {@code bucket}; the other is null.
     *
     * @param value the council, service, team, cohort or auditor id the aggregate is counted under
     */
    record Row(Measure measure, Breakdown breakdown, String value, String period, String bucket, Long count,
            Double figure) {
    }

    private PackRows() {
    }

    /** The rows of every measure, measure by measure. */
    static List<Row> of(BoardPack pack) {
        return Arrays.stream(Measure.values()).flatMap(m -> of(pack, m).stream()).toList();
    }

    /** The rows of one measure: the period's aggregates by each breakdown, then the council's earlier trend. */
    static List<Row> of(BoardPack pack, Measure measure) {
        List<Row> rows = new ArrayList<>();
        for (Breakdown breakdown : Breakdown.values()) {
            pack.by(measure, breakdown).forEach(a -> add(rows, a));
        }
        pack.trend().stream()
                .filter(point -> !point.period().equals(pack.period()))
                .forEach(point -> point.of(measure).ifPresent(a -> add(rows, a)));
        return rows;
    }

    private static void add(List<Row> rows, BoardCount.Aggregate aggregate) {
        BoardCount.Key key = aggregate.key();
        for (String bucket : Buckets.ordered(key.measure(), aggregate.counts().keySet())) {
            rows.add(new Row(key.measure(), key.breakdown(), key.value(), key.period(), bucket,
                    aggregate.counts().getOrDefault(bucket, 0L), null));
        }
        aggregate.figures().forEach((name, figure) -> rows.add(
                new Row(key.measure(), key.breakdown(), key.value(), key.period(), name, null, figure)));
    }
}
