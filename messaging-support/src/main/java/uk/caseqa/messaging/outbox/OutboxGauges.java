package uk.caseqa.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the relay has still to publish, per outbox collection: {@code caseqa_outbox_pending} (events) and
 * {@code caseqa_outbox_oldest_age_seconds} (how long the oldest has waited; 0 when none waits). A backlog that grows
 * or ages means the broker is unreachable or the relay has stopped. Read at most once a second per collection,
 * however often it is scraped.
 */
public final class OutboxGauges {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Backlog> read = new ConcurrentHashMap<>();

    record Backlog(long pending, double oldestAgeSeconds, Instant readAt) {
    }

    /** {@code clock}: the clock events are raised on, so an age is right in a rehearsal with a moved clock too. */
    public OutboxGauges(MongoTemplate mongo, List<String> collections, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        for (String collection : collections) {
            Gauge.builder("caseqa.outbox.pending", this, g -> g.backlog(collection).pending())
                    .tag("collection", collection).description("events raised and not yet published")
                    .register(meters);
            Gauge.builder("caseqa.outbox.oldest.age", this, g -> g.backlog(collection).oldestAgeSeconds())
                    .tag("collection", collection).baseUnit("seconds")
                    .description("how long the oldest unpublished event has waited").register(meters);
        }
    }

    Backlog backlog(String collection) {
        Instant now = clock.instant();
        return read.compute(collection, (c, last) -> last != null && last.readAt().plus(FRESH).isAfter(now) ? last
                : count(c, now));
    }

    private Backlog count(String collection, Instant now) {
        Query waiting = Query.query(Criteria.where(OutboxRelay.OUTBOX_FIELD + ".0").exists(true));
        waiting.fields().include(OutboxRelay.OUTBOX_FIELD + ".raisedAt");
        long pending = 0;
        Instant oldest = null;
        for (Document document : mongo.find(waiting, Document.class, collection)) {
            for (Document event : document.getList(OutboxRelay.OUTBOX_FIELD, Document.class)) {
                pending++;
                if (event.get("raisedAt") instanceof java.util.Date raised
                        && (oldest == null || raised.toInstant().isBefore(oldest))) {
                    oldest = raised.toInstant();
                }
            }
        }
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        return new Backlog(pending, age, now);
    }
}
