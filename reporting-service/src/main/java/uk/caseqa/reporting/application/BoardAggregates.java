package uk.caseqa.reporting.application;

import java.util.List;
import uk.caseqa.reporting.domain.BoardCount;

/** Port: the aggregates last counted and published, with their revisions. */
public interface BoardAggregates {

    /** The stored aggregates of a council. */
    List<Stored> ofCouncil(String localAuthority);

    /** Stores the aggregates (one write for all). */
    void saveAll(List<Stored> aggregates);

    void deleteAll();

    /** An aggregate as published, with its revision (growing with each change, also across rebuilds). */
    record Stored(BoardCount.Aggregate aggregate, long revision) {
    }
}
