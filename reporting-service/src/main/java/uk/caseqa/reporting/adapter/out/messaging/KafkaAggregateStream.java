package uk.caseqa.reporting.adapter.out.messaging;

import java.util.TreeMap;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.BoardAggregateUpdated;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.EventPublisher;
import uk.caseqa.reporting.application.AggregateStream;
import uk.caseqa.reporting.domain.BoardCount;

/**
 * Publishes each aggregate as {@code BoardAggregateUpdated} on {@code qa.board-aggregates}, keyed by the aggregate's
 * id, so the compacted topic keeps the latest revision of each. The send is synchronous: the caller marks records
 * counted only once the broker has every aggregate they moved.
 */
@Component
class KafkaAggregateStream implements AggregateStream {

    private final EventPublisher publisher;
    private final EventFactory events;

    KafkaAggregateStream(EventPublisher publisher, EventFactory events) {
        this.publisher = publisher;
        this.events = events;
    }

    @Override
    public void publish(BoardCount.Aggregate aggregate, long revision) {
        BoardCount.Key key = aggregate.key();
        publisher.publish(events.outboxEvent(key.id(), key.localAuthority(), new BoardAggregateUpdated(
                key.measure().id(), key.breakdown().name(), key.value(), key.period(),
                new TreeMap<>(aggregate.counts()), revision, aggregate.asOf())));
    }
}
