package uk.caseqa.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.caseqa.messaging.tracing.TraceContexts;

/**
 * Publishes the events waiting in the aggregates' documents and then removes each from its document. A process
 * that dies between the two publishes the event again on restart (at least once); consumers are idempotent. Several
 * replicas may relay the same collection: each document's outbox is claimed by one of them for a lease that is
 * renewed before every event and outlasts any one send, so a slow broker does not let a second replica publish the
 * same events (out of order); only a crash makes a duplicate, and nothing is ever lost.
 */
public class OutboxRelay {

    public static final String OUTBOX_FIELD = "outbox";
    /**
     * Present exactly when a document has events waiting (every stored event has an id): the relay's scan asks for it,
     * over a sparse index on it, so it reads the documents with something to publish, not every aggregate ever kept.
     */
    static final String PENDING_FIELD = OUTBOX_FIELD + ".eventId";
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
    private final DocumentClaims claims;
    private final TraceContexts traces;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, int batchSize,
            Clock clock) {
        this(mongo, publisher, collections, batchSize, clock, TraceContexts.none());
    }

    /** {@code traces}: each event is published in the trace of the work that raised it. */
    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, int batchSize,
            Clock clock, TraceContexts traces) {
        this.traces = traces;
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
        this.claims = new DocumentClaims(mongo, CLAIM_FIELD, CLAIM_TOKEN_FIELD, CLAIM, clock);
        for (String collection : this.collections) {
            mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index(PENDING_FIELD,
                    org.springframework.data.domain.Sort.Direction.ASC).sparse().named("outbox_pending"));
        }
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
        Optional<DocumentClaims.Claim> next;
        for (int claimed = 0; claimed < batchSize
                && (next = claims.claimNext(Criteria.where(PENDING_FIELD).exists(true), collection)).isPresent();
                claimed++) {
            DocumentClaims.Claim claim = next.get();
            for (Document stored : claim.document().getList(OUTBOX_FIELD, Document.class)) {
                OutboxEvent event = toEvent(stored);
                if (!claims.renew(claim, collection)) {
                    log.warn("claim on {} {} lost before event {}; its new holder publishes the rest", collection,
                            claim.id(), event.eventId());
                    break;
                }
                try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.eventId());
                        TraceContexts.Continued trace = traces.continueFrom(event.traceParent(), "outbox publish")) {
                    publisher.publish(event);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())),
                            new Update().pull(OUTBOX_FIELD, new Document("eventId", event.eventId())), collection);
                    log.info("published {} {} key={}", event.type(), event.eventId(), event.key());
                    published++;
                }
            }
            claims.release(claim, collection);
        }
        return published;
    }

    private static OutboxEvent toEvent(Document stored) {
        Object raisedAt = stored.get("raisedAt");
        Instant raised = raisedAt instanceof java.util.Date date ? date.toInstant() : null;
        return new OutboxEvent(stored.getString("eventId"), stored.getString("type"), stored.getString("stream"),
                stored.getString("key"), stored.getString("json"), raised, stored.getString("traceParent"));
    }
}
