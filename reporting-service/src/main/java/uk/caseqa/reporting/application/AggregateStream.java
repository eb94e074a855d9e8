package uk.caseqa.reporting.application;

import uk.caseqa.reporting.domain.BoardCount;

/** Port: where aggregates are published for dashboards ({@code qa.board-aggregates}, compacted). */
public interface AggregateStream {

    /** An aggregate with the revision it is published under. */
    record Revision(BoardCount.Aggregate aggregate, long revision) {
    }

    /** Publishes the aggregates (in any order: each has its own key); returns once the broker has every one. */
    void publishAll(java.util.List<Revision> aggregates);
}
