package uk.caseqa.reporting.application;

import uk.caseqa.reporting.domain.BoardCount;

/** Port: where aggregates are published for dashboards ({@code qa.board-aggregates}, compacted). */
public interface AggregateStream {

    /** Publishes the aggregate with its revision; returns once the broker has it. */
    void publish(BoardCount.Aggregate aggregate, long revision);
}
