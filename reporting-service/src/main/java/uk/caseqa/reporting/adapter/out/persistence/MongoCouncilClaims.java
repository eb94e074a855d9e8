package uk.caseqa.reporting.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.outbox.DocumentClaims;
import uk.caseqa.reporting.application.CouncilClaims;

/** Leases in {@value #COLLECTION}, one document per council, through the shared {@link DocumentClaims}. */
@Component
class MongoCouncilClaims implements CouncilClaims {

    static final String COLLECTION = "boardCouncils";
    private static final Duration LEASE = Duration.ofMinutes(5);
    private final MongoTemplate mongo;
    private final DocumentClaims claims;
    private final Map<String, DocumentClaims.Claim> held = new ConcurrentHashMap<>();

    MongoCouncilClaims(MongoTemplate mongo) {
        this.mongo = mongo;
        this.claims = new DocumentClaims(mongo, "countingUntil", "countingToken", LEASE, Clock.systemUTC());
    }

    @Override
    public boolean claim(String localAuthority) {
        mongo.upsert(Query.query(Criteria.where("_id").is(localAuthority)),
                new Update().setOnInsert("localAuthority", localAuthority), COLLECTION);
        return claims.claimNext(Criteria.where("_id").is(localAuthority), COLLECTION)
                .map(claim -> held.put(localAuthority, claim) == null || true).orElse(false);
    }

    @Override
    public void release(String localAuthority) {
        DocumentClaims.Claim claim = held.remove(localAuthority);
        if (claim != null) {
            claims.release(claim, COLLECTION);
        }
    }
}
