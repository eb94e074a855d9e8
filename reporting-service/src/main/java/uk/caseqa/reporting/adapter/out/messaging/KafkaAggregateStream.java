package uk.caseqa.reporting.adapter.out.messaging;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.BoardAggregateUpdated;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.EventPublisher;
import uk.caseqa.reporting.application.AggregateStream;
import uk.caseqa.reporting.application.AggregateStream.Revision;
import uk.caseqa.reporting.domain.BoardCount;

/**
 * Publishes each aggregate as {@code BoardAggregateUpdated} on {@code qa.board-aggregates}, keyed by the aggregate's
 * id, so the compacted topic keeps the latest revision of each. Each send is synchronous, several run at once (the
 * producer batches them; each aggregate has its own key, so their order does not matter), and the call returns only
 * when the broker has every one: the caller marks records counted only then.
 */
@Component
class KafkaAggregateStream implements AggregateStream {

    private static final int SENDERS = 8;
    private final EventPublisher publisher;
    private final EventFactory events;
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "board-aggregates-send");
        t.setDaemon(true);
        return t;
    });

    KafkaAggregateStream(EventPublisher publisher, EventFactory events) {
        this.publisher = publisher;
        this.events = events;
    }

    @Override
    public void publishAll(List<Revision> aggregates) {
        List<Future<?>> sent = new ArrayList<>(aggregates.size());
        for (Revision r : aggregates) {
            sent.add(senders.submit(() -> publish(r.aggregate(), r.revision())));
        }
        for (Future<?> send : sent) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing board aggregates", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a board aggregate was not published: " + e.getCause(), e.getCause());
            }
        }
    }

    private void publish(BoardCount.Aggregate aggregate, long revision) {
        BoardCount.Key key = aggregate.key();
        publisher.publish(events.outboxEvent(key.id(), key.localAuthority(), new BoardAggregateUpdated(
                key.measure().id(), key.breakdown().name(), key.value(), key.period(),
                new TreeMap<>(aggregate.counts()), revision, aggregate.asOf())));
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }
}
