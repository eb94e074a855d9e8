package uk.caseqa.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * A board aggregate changed: the full current counts of one measure for one council (the envelope's), breakdown and
 * period, so a dashboard replaces what it shows. Keyed on {@code qa.board-aggregates} (a compacted topic) by
 * {@code measure|council|breakdown|value|period}, so the topic always holds the latest of each.
 * {@code breakdown} is COUNCIL, SERVICE, TEAM, COHORT or AUDITOR, {@code breakdownValue} the service, team, cohort or
 * auditor id (the council's id for COUNCIL); {@code period} is {@code 2026-W07}, {@code 2026-11}, {@code 2026-C09}
 * (6-week cycle), {@code 2026-Q4}, {@code 2026-H2} or {@code 2026}; {@code asOf} is the moment the counts hold at (the
 * period's end, or the time of counting while the period runs).
 */
public record BoardAggregateUpdated(String measure, String breakdown, String breakdownValue, String period,
        Map<String, Long> counts, long revision, Instant asOf) implements EventPayload {
    public BoardAggregateUpdated {
        Require.text(measure, "data.measure");
        Require.text(breakdown, "data.breakdown");
        Require.text(breakdownValue, "data.breakdownValue");
        Require.text(period, "data.period");
        counts = Require.copyOf(counts, "data.counts");
        Require.present(asOf, "data.asOf");
    }
}
