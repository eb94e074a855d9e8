package uk.caseqa.reporting.application;

/** Port: where aggregates are published for dashboards ({@code qa.board-aggregates}, compacted). */
public interface AggregateStream {

    void publish(BoardAggregates.Stored aggregate);
}
