package uk.caseqa.notification.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.outbox.DocumentClaims;
import uk.caseqa.notification.application.GatheringLease;

/**
 * One lease document in {@value #COLLECTION}, through the shared {@link DocumentClaims}. It runs on the system clock,
 * not the service's (which a rehearsal may move): a lease is about how long a replica has been silent.
 */
@Component
class MongoGatheringLease implements GatheringLease {

    static final String COLLECTION = "digestGathering";
    static final String ID = "gathering";
    /** Far longer than a pass takes; a replica that dies holding it delays digests by at most this. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private final DocumentClaims claims;

    @Autowired
    MongoGatheringLease(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    MongoGatheringLease(MongoTemplate mongo, Clock clock) {
        this.claims = new DocumentClaims(mongo, "heldUntil", "holder", LEASE, clock);
        // the lease's one document, made once: each pass then only claims it
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().setOnInsert("purpose", "digests"),
                    COLLECTION);
        } catch (DuplicateKeyException anotherReplicaCreatedItFirst) {
            // it exists now, which is all this needed
        }
    }

    @Override
    public boolean runIfFree(Runnable work) {
        Optional<DocumentClaims.Claim> held = claims.claimNext(Criteria.where("_id").is(ID), COLLECTION);
        if (held.isEmpty()) {
            return false;
        }
        try {
            work.run();
        } finally {
            claims.release(held.get(), COLLECTION);
        }
        return true;
    }
}
