package uk.caseqa.messaging.outbox;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in the aggregates' documents and then removes each from its document. A process
 * that dies between the two publishes the event again on restart (at least once); consumers are idempotent. Several
 * replicas may relay the same collection: the worst case is a duplicate, never a loss.
 */
public class OutboxRelay {

    public static final String OUTBOX_FIELD = "outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final int batchSize;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, int batchSize) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
    }

    /** One pass over every outbox collection; returns how many events were published. */
    public int relayPending() {
        int published = 0;
        for (String collection : collections) {
            published += relay(collection);
        }
        return published;
    }

    private int relay(String collection) {
        Query pending = new Query(Criteria.where(OUTBOX_FIELD + ".0").exists(true)).limit(batchSize);
        int published = 0;
        for (Document aggregate : mongo.find(pending, Document.class, collection)) {
            List<Document> outbox = aggregate.getList(OUTBOX_FIELD, Document.class);
            for (Document stored : outbox) {
                OutboxEvent event = toEvent(stored);
                try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.eventId())) {
                    publisher.publish(event);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.get("_id"))),
                            new Update().pull(OUTBOX_FIELD, new Document("eventId", event.eventId())), collection);
                    log.info("published {} {} key={}", event.type(), event.eventId(), event.key());
                    published++;
                }
            }
        }
        return published;
    }

    private static OutboxEvent toEvent(Document stored) {
        Object raisedAt = stored.get("raisedAt");
        Instant raised = raisedAt instanceof java.util.Date date ? date.toInstant() : null;
        return new OutboxEvent(stored.getString("eventId"), stored.getString("type"), stored.getString("stream"),
                stored.getString("key"), stored.getString("json"), raised);
    }
}
