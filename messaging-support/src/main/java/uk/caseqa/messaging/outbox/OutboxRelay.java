package uk.caseqa.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in the aggregates' documents and then removes each from its document. A process
 * that dies between the two publishes the event again on restart (at least once); consumers are idempotent. Several
 * replicas may relay the same collection: each document's outbox is claimed by one of them for a lease that is
 * renewed before every event and outlasts any one send, so a slow broker does not let a second replica publish the
 * same events (out of order); only a crash makes a duplicate, and nothing is ever lost.
 */
public class OutboxRelay {

    public static final String OUTBOX_FIELD = "outbox";
    /** Until when one relay (one replica) holds a document's outbox; a crashed holder's claim simply expires. */
    static final String CLAIM_FIELD = "outboxClaimedUntil";
    /** Which pass holds the claim, so that only its holder renews or releases it. */
    static final String CLAIM_TOKEN_FIELD = "outboxClaimToken";
    /**
     * How long a claim lasts from its last renewal. It is renewed before every event, so it must outlast one
     * synchronous send: the producers' {@code max.block.ms} plus {@code delivery.timeout.ms} (10 s + 20 s in
     * caseqa-defaults.yml), with room to spare.
     */
    public static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final int batchSize;
    private final Clock clock;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, int batchSize,
            Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
        this.clock = clock;
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
        int published = 0;
        for (int claimed = 0; claimed < batchSize; claimed++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            Query claimable = new Query(new Criteria().andOperator(Criteria.where(OUTBOX_FIELD + ".0").exists(true),
                    new Criteria().orOperator(Criteria.where(CLAIM_FIELD).exists(false),
                            Criteria.where(CLAIM_FIELD).lte(now))));
            Document aggregate = mongo.findAndModify(claimable,
                    new Update().set(CLAIM_FIELD, now.plus(CLAIM)).set(CLAIM_TOKEN_FIELD, token),
                    FindAndModifyOptions.options().returnNew(true), Document.class, collection);
            if (aggregate == null) {
                break;
            }
            Query mine = Query.query(Criteria.where("_id").is(aggregate.get("_id")).and(CLAIM_TOKEN_FIELD).is(token));
            for (Document stored : aggregate.getList(OUTBOX_FIELD, Document.class)) {
                OutboxEvent event = toEvent(stored);
                if (!renewed(mine, collection)) {
                    log.warn("claim on {} {} lost before event {}; its new holder publishes the rest", collection,
                            aggregate.get("_id"), event.eventId());
                    break;
                }
                try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.eventId())) {
                    publisher.publish(event);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.get("_id"))),
                            new Update().pull(OUTBOX_FIELD, new Document("eventId", event.eventId())), collection);
                    log.info("published {} {} key={}", event.type(), event.eventId(), event.key());
                    published++;
                }
            }
            mongo.updateFirst(mine, new Update().unset(CLAIM_FIELD).unset(CLAIM_TOKEN_FIELD), collection);
        }
        return published;
    }

    /** Extends this pass's claim from now; false when the claim has passed to another relay. */
    private boolean renewed(Query mine, String collection) {
        return mongo.updateFirst(mine, new Update().set(CLAIM_FIELD, clock.instant().plus(CLAIM)), collection)
                .getMatchedCount() > 0;
    }

    private static OutboxEvent toEvent(Document stored) {
        Object raisedAt = stored.get("raisedAt");
        Instant raised = raisedAt instanceof java.util.Date date ? date.toInstant() : null;
        return new OutboxEvent(stored.getString("eventId"), stored.getString("type"), stored.getString("stream"),
                stored.getString("key"), stored.getString("json"), raised);
    }
}
