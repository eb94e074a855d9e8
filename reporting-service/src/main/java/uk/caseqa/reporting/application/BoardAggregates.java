package uk.caseqa.reporting.application;

import java.util.List;
import uk.caseqa.reporting.domain.BoardCount;

/** Port: the aggregates last counted and published, with their revisions. */
public interface BoardAggregates {

    /** The stored aggregates of a council in one period. */
    List<Stored> ofPeriod(String localAuthority, String period);

    void save(Stored aggregate);

    void deleteAll();

    /** An aggregate as published, with its revision (1, 2, ... per aggregate). */
    record Stored(BoardCount.Aggregate aggregate, long revision) {
    }
}
