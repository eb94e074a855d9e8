package uk.caseqa.audit.adapter.out.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.ParkedRequests;

/**
 * Parked requests, keyed by event id (a redelivery parks nothing twice). A try claims one by moving its
 * {@code nextTryAt} past the claim in a find-and-modify, so two replicas never try the same one at once; the
 * gauge {@code caseqa_parked_requests} shows how many wait.
 */
@Component
class MongoParkedRequests implements ParkedRequests {

    static final String COLLECTION = "parkedRequests";
    private final MongoTemplate mongo;

    record ParkedDocument(@Id String eventId, String localAuthority, String type, String json, String reason,
            Instant parkedAt, int attempts, Instant nextTryAt) {
        static ParkedDocument of(Parked p) {
            return new ParkedDocument(p.eventId(), p.localAuthority(), p.type(), p.json(), p.reason(), p.parkedAt(),
                    p.attempts(), p.nextTryAt());
        }

        Parked toParked() {
            return new Parked(eventId, localAuthority, type, json, reason, parkedAt, attempts, nextTryAt);
        }
    }

    MongoParkedRequests(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        Gauge.builder("caseqa.parked.requests", this, MongoParkedRequests::count)
                .description("requests waiting for a case or member of staff not known yet").register(meters);
    }

    @Override
    public void park(Parked request) {
        if (!mongo.exists(Query.query(Criteria.where("_id").is(request.eventId())), COLLECTION)) {
            mongo.insert(ParkedDocument.of(request), COLLECTION);
        }
    }

    @Override
    public Optional<Parked> claimDue(Instant now, Duration claimFor) {
        ParkedDocument claimed = mongo.findAndModify(Query.query(Criteria.where("nextTryAt").lte(now)),
                new Update().set("nextTryAt", now.plus(claimFor)), FindAndModifyOptions.options().returnNew(false),
                ParkedDocument.class, COLLECTION);
        return Optional.ofNullable(claimed).map(ParkedDocument::toParked);
    }

    @Override
    public void remove(String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), COLLECTION);
    }

    @Override
    public void later(String eventId, int attempts, Instant nextTryAt, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId)), new Update().set("attempts", attempts)
                .set("nextTryAt", nextTryAt).set("reason", reason), COLLECTION);
    }

    @Override
    public void dueNow(String localAuthority, Instant now) {
        mongo.updateMulti(Query.query(Criteria.where("localAuthority").is(localAuthority).and("nextTryAt").gt(now)),
                new Update().set("nextTryAt", now), COLLECTION);
    }

    @Override
    public long count() {
        return mongo.getCollection(COLLECTION).estimatedDocumentCount();
    }

    @Override
    public List<Parked> all(String localAuthority) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority)), ParkedDocument.class,
                COLLECTION).stream().map(ParkedDocument::toParked).toList();
    }
}
