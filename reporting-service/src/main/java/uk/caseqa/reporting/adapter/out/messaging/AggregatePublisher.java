package uk.caseqa.reporting.adapter.out.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
 * revision is still the one published (a count in between leaves it dirty for the next pass). Each aggregate is
 * claimed (with a token) while it is published, so two replicas never publish it at once and revisions reach the
 * topic in order; one that cannot be published is retried later without holding up the others. Nothing is lost; a
 * dashboard may see the same revision twice.
 */
@Component
class AggregatePublisher {

    private static final Logger log = LoggerFactory.getLogger(AggregatePublisher.class);
    static final String COLLECTION = "boardAggregates";
    private static final String CLAIM_FIELD = "publishClaimedUntil";
    private static final String CLAIM_TOKEN_FIELD = "publishClaimToken";
    private static final Duration CLAIM = uk.caseqa.messaging.outbox.OutboxRelay.CLAIM;
    private static final Duration RETRY = Duration.ofSeconds(30);
    private static final int BATCH = 100;
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
        for (int n = 0; n < BATCH; n++) {
            Instant now = Instant.now();
            String token = UUID.randomUUID().toString();
            Query claimable = new Query(new Criteria().andOperator(Criteria.where("dirty").is(true),
                    new Criteria().orOperator(Criteria.where(CLAIM_FIELD).exists(false),
                            Criteria.where(CLAIM_FIELD).lte(now))));
            Document aggregate = mongo.findAndModify(claimable,
                    new Update().set(CLAIM_FIELD, now.plus(CLAIM)).set(CLAIM_TOKEN_FIELD, token),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (aggregate == null) {
                return;
            }
            Query mine = Query.query(Criteria.where("_id").is(aggregate.get("_id")).and(CLAIM_TOKEN_FIELD).is(token));
            try {
                publish(aggregate, token);
            } catch (RuntimeException e) {
                log.warn("board aggregate {} not published, will retry in {}: {}", aggregate.get("_id"), RETRY,
                        e.toString());
                mongo.updateFirst(mine, new Update().set(CLAIM_FIELD, Instant.now().plus(RETRY)), COLLECTION);
            }
        }
    }

    private void publish(Document aggregate, String token) {
        long revision = ((Number) aggregate.get("revision")).longValue();
        Map<String, Long> counts = new java.util.TreeMap<>();
        Document stored = aggregate.get("counts", Document.class);
        if (stored != null) {
            stored.forEach((bucket, n) -> counts.put(bucket, ((Number) n).longValue()));
        }
        String la = aggregate.getString("localAuthority");
        String teamId = aggregate.getString("teamId");
        OutboxEvent event = events.outboxEvent(la + "/" + teamId, la, new BoardAggregateUpdated(
                aggregate.getString("measure"), teamId, aggregate.getString("period"), counts, revision));
        publisher.publish(event);
        // clean only if no count moved it meanwhile; either way the claim is given back
        Query mine = Query.query(Criteria.where("_id").is(aggregate.get("_id")).and(CLAIM_TOKEN_FIELD).is(token));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.get("_id")).and("revision").is(revision)
                .and(CLAIM_TOKEN_FIELD).is(token)), new Update().set("dirty", false), COLLECTION);
        mongo.updateFirst(mine, new Update().unset(CLAIM_FIELD).unset(CLAIM_TOKEN_FIELD), COLLECTION);
    }
}
