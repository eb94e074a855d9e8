package uk.caseqa.reporting.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.caseqa.reporting.domain.BoardFact;

/** Port: the facts boards count, and the aggregates recounted from them. */
public interface BoardAggregates {

    /**
     * Keeps the fact unless the one stored about the same thing {@link BoardFact#supersedes supersedes} it. Returns
     * the aggregates whose counts may have moved (the fact's, and the one it moved out of), also when nothing
     * changed, so that a redelivery after a crash still recounts.
     */
    Set<String> keep(BoardFact fact);

    /** Recounts one aggregate from its facts; safe with any number of concurrent recounts of the same aggregate. */
    void recount(String aggregateId);

    List<Aggregate> find(String localAuthority, String measure, String period);

    /** An aggregate as boards read it. */
    record Aggregate(String measure, String localAuthority, String teamId, String period, Map<String, Long> counts,
            long revision) {
    }
}
