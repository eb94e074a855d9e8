package uk.caseqa.reporting.adapter.out.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.BoardAggregateUpdated;
import uk.caseqa.messaging.outbox.DocumentClaims;
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
    private final DocumentClaims claims;

    AggregatePublisher(MongoTemplate mongo, EventPublisher publisher, EventFactory events) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.events = events;
        this.claims = new DocumentClaims(mongo, CLAIM_FIELD, CLAIM_TOKEN_FIELD, CLAIM, java.time.Clock.systemUTC());
    }

    @Scheduled(fixedDelayString = "${caseqa.outbox.poll-interval:200ms}", initialDelayString = "${caseqa.outbox.initial-delay:1s}")
    void publishChanged() {
        Optional<DocumentClaims.Claim> next;
        for (int n = 0; n < BATCH && (next = claims.claimNext(Criteria.where("dirty").is(true), COLLECTION)).isPresent();
                n++) {
            DocumentClaims.Claim claim = next.get();
            try {
                publish(claim);
            } catch (RuntimeException e) {
                log.warn("board aggregate {} not published, will retry in {}: {}", claim.id(), RETRY, e.toString());
                claims.releaseUntil(claim, Instant.now().plus(RETRY), COLLECTION);
            }
        }
    }

    private void publish(DocumentClaims.Claim claim) {
        Document aggregate = claim.document();
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
        mongo.updateFirst(claims.heldAnd(claim, Criteria.where("revision").is(revision)),
                new Update().set("dirty", false), COLLECTION);
        claims.release(claim, COLLECTION);
    }
}
