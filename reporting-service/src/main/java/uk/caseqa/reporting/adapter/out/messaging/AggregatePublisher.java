package uk.caseqa.reporting.adapter.out.messaging;

import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.BoardAggregateUpdated;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.EventPublisher;
import uk.caseqa.messaging.outbox.OutboxEvent;

/**
 * A state outbox: every aggregate marked dirty is published as a full snapshot, then marked clean only if its
 * revision is still the one published (a count in between leaves it dirty for the next pass). Nothing is lost; a
 * dashboard may see the same revision twice.
 */
@Component
class AggregatePublisher {

    private static final Logger log = LoggerFactory.getLogger(AggregatePublisher.class);
    static final String COLLECTION = "boardAggregates";
    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final EventFactory events;

    AggregatePublisher(MongoTemplate mongo, EventPublisher publisher, EventFactory events) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${caseqa.outbox.poll-interval:200ms}", initialDelayString = "${caseqa.outbox.initial-delay:1s}")
    void publishChanged() {
        try {
            for (Document aggregate : mongo.find(Query.query(Criteria.where("dirty").is(true)).limit(100),
                    Document.class, COLLECTION)) {
                publish(aggregate);
            }
        } catch (RuntimeException e) {
            log.warn("board aggregate publication failed, will retry: {}", e.toString());
        }
    }

    private void publish(Document aggregate) {
        long revision = ((Number) aggregate.get("revision")).longValue();
        Map<String, Long> counts = new java.util.TreeMap<>();
        aggregate.get("counts", Document.class).forEach((bucket, n) -> counts.put(bucket, ((Number) n).longValue()));
        String la = aggregate.getString("localAuthority");
        String teamId = aggregate.getString("teamId");
        OutboxEvent event = events.outboxEvent(la + "/" + teamId, la, new BoardAggregateUpdated(
                aggregate.getString("measure"), teamId, aggregate.getString("period"), counts, revision));
        publisher.publish(event);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.get("_id")).and("revision").is(revision)),
                new Update().set("dirty", false), COLLECTION);
    }
}
