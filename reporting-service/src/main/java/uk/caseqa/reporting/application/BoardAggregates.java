package uk.caseqa.reporting.application;

import java.util.List;
import java.util.Map;
import uk.caseqa.reporting.domain.Tally;

/** Port: the board aggregates, each moved at most once per event. */
public interface BoardAggregates {

    /** Adds one to the tally's bucket unless event {@code eventId} was counted already; true when counted now. */
    boolean count(Tally tally, String eventId);

    List<Aggregate> find(String localAuthority, String measure, String period);

    /** An aggregate as boards read it. */
    record Aggregate(String measure, String localAuthority, String teamId, String period, Map<String, Long> counts,
            long revision) {
    }
}
