package uk.caseqa.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Leases on documents, so that of several replicas only one works on a document at a time: a claim is taken at the
 * moment it is taken (never from the start of a long pass), carries a token so that only its holder renews or
 * releases it, and expires on its own if the holder dies. The lease must outlast the longest single piece of work
 * done between renewals.
 */
public final class DocumentClaims {

    /** A document held by this claim. */
    /** {@code until}: when the claim lapses unless renewed. */
    public record Claim(Document document, String token, Query mine, Instant until) {
        public Object id() {
            return document.get("_id");
        }
    }

    private final MongoTemplate mongo;
    private final String untilField;
    private final String tokenField;
    private final Duration lease;
    private final Clock clock;

    public DocumentClaims(MongoTemplate mongo, String untilField, String tokenField, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.untilField = untilField;
        this.tokenField = tokenField;
        this.lease = lease;
        this.clock = clock;
    }

    /** Claims one document matching {@code wanted} that nobody holds; empty when there is none. */
    public Optional<Claim> claimNext(Criteria wanted, String collection) {
        return claimNext(wanted, Sort.unsorted(), collection);
    }

    /** Claims the first in {@code order} of the documents matching {@code wanted} that nobody holds. */
    public Optional<Claim> claimNext(Criteria wanted, Sort order, String collection) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        Query claimable = new Query(new Criteria().andOperator(wanted, new Criteria().orOperator(
                Criteria.where(untilField).exists(false), Criteria.where(untilField).lte(now)))).with(order);
        Document claimed = mongo.findAndModify(claimable, new Update().set(untilField, now.plus(lease))
                .set(tokenField, token), FindAndModifyOptions.options().returnNew(true), Document.class, collection);
        return Optional.ofNullable(claimed).map(d -> new Claim(d, token,
                Query.query(Criteria.where("_id").is(d.get("_id")).and(tokenField).is(token)), now.plus(lease)));
    }

    /** Extends the claim from now; false when it has passed to another holder (stop working on the document). */
    public boolean renew(Claim claim, String collection) {
        return mongo.updateFirst(claim.mine(), new Update().set(untilField, clock.instant().plus(lease)), collection)
                .getMatchedCount() > 0;
    }

    /** The claim's own query, narrowed by {@code also}: for a write that must happen only while the claim holds. */
    public Query heldAnd(Claim claim, Criteria also) {
        return Query.query(Criteria.where("_id").is(claim.id()).and(tokenField).is(claim.token())).addCriteria(also);
    }

    /** Gives the document back at once. */
    public void release(Claim claim, String collection) {
        mongo.updateFirst(claim.mine(), new Update().unset(untilField).unset(tokenField), collection);
    }

    /** Gives the document back for others only from {@code retryAt} (work on it failed). */
    public void releaseUntil(Claim claim, Instant retryAt, String collection) {
        mongo.updateFirst(claim.mine(), new Update().set(untilField, retryAt), collection);
    }
}
