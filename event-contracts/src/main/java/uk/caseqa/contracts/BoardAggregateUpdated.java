package uk.caseqa.contracts;

import java.util.Map;

/**
 * A board aggregate changed; the full current counts, so a dashboard can replace what it shows.
 * {@code measure} names the aggregate ({@code audits-by-final-grade}, {@code open-cases-of-concern}); {@code period}
 * is a month ({@code 2026-11}) or {@code current}.
 */
public record BoardAggregateUpdated(String measure, String teamId, String period, Map<String, Long> counts,
        long revision) implements EventPayload {
    public BoardAggregateUpdated {
        Require.text(measure, "data.measure");
        Require.text(teamId, "data.teamId");
        Require.text(period, "data.period");
        counts = Require.copyOf(counts, "data.counts");
    }
}
