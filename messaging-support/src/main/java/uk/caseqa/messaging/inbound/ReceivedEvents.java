package uk.caseqa.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.InvalidEventException;

/**
 * The events this service has received, by id, with a digest of what each says (type, council, subject, schema
 * version, data; not its time or source, which a system resending the same fact may change). The same id again with
 * the same content is a redelivery, left to the idempotent consumers; the same id with different content is refused
 * with the reason (dead-lettered), never taken for a redelivery of the first. Kept {@value #KEPT_DAYS} days: one
 * document an event for a consumer of single events ({@link #check}), one for a thousand events of a batch consumer's
 * poll ({@link #firstRefused}).
 *
 * <p>A record is written without waiting for the journal ({@code j: false}): it guards the change its event causes,
 * which the consumer writes next and which waits for the journal as every other write does, so the record is on disk
 * by the time the change is. Lost in a crash before that change, it goes with the change, and the redelivered event
 * writes both again. This saves a commit per event in each consumer (docs/performance.md); the one record that can be
 * lost alone is that of an event that changed nothing, within the journal's interval before a crash. The hourly
 * removal of old records ({@link #forgetOld}) waits for the next commit too. A consumer may have its own writes wait
 * for the same commit, settled at the event's end ({@link #settle}, {@link OneCommitPerEvent}).
 */
public class ReceivedEvents {

    static final String COLLECTION = "receivedEvents";
    static final int KEPT_DAYS = 30;
    /** A batch's records to a document (about 90 kB): {@link #firstRefused}. */
    static final int PER_BATCH_RECORD = 1_000;
    static final String BATCH_EVENTS = "events";
    static final String BATCH_ID = "id";
    static final String BATCH_DIGEST = "digest";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MongoTemplate mongo;
    /** For {@link #settle}: the service's own template, at its own write concern. */
    private final MongoTemplate settling;
    private volatile boolean batchesIndexed;
    private final Clock clock = Clock.systemUTC(); // operational time: retention, not the domain's deadlines

    record Received(@Id String eventId, String digest, Instant receivedAt) {
    }

    /**
     * {@code mongo}: the service's template, whose store and mapping the records use; their own template asks the
     * database's write concern without the journal, and nothing else set on {@code mongo} (a write-concern resolver,
     * callbacks) carries over. The service's own writes keep its write concern, except within an event whose consumer
     * settles them at its end ({@link OneCommitPerEvent}).
     */
    public ReceivedEvents(MongoTemplate mongo) {
        this.mongo = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter());
        this.mongo.setWriteConcern(mongo.getDb().getWriteConcern().withJournal(false));
        this.settling = mongo;
    }

    /**
     * Marks the event's record handled, at the service's own write concern, as its other writes are: on the embedded
     * store that commits, and on MongoDB it is durable as they are, with every write made before it
     * ({@link OneCommitPerEvent}). Called outside the event's writes, so not made unjournaled itself.
     */
    public void settle(EventEnvelope<?> event) {
        settling.updateFirst(Query.query(Criteria.where("_id").is(event.id())),
                new org.springframework.data.mongodb.core.query.Update().set("settledAt", clock.instant()), COLLECTION);
    }

    /** Records the event, or refuses it when its id came before with different content. */
    public void check(EventEnvelope<?> event) {
        String digest = digest(event);
        try {
            mongo.insert(new Received(event.id(), digest, clock.instant()), COLLECTION);
        } catch (DuplicateKeyException seenBefore) {
            Received first = mongo.findById(event.id(), Received.class, COLLECTION);
            if (first != null && !first.digest().equals(digest)) {
                throw new InvalidEventException("event id " + event.id() + " was received before with different"
                        + " content (received " + first.receivedAt() + "): a new fact needs a new id");
            }
        }
    }

    /**
     * As {@link #check} for a batch: looks its ids up, records the new ones in one write, and returns the index of the
     * first whose id came before with different content, with the reason; -1 when none did. (The events after it are
     * recorded too: redelivered after it is dead-lettered, they are redeliveries with the same content.)
     *
     * <p>A batch's records are kept together, up to {@value #PER_BATCH_RECORD} to a document
     * ({@code {receivedAt, events: [{id, digest}]}}, found by the index on {@code events.id}), not one document an
     * event: a poll of 5,000 case events writes five documents of records beside its cases, not 5,000. One document an
     * event, each under a random id in the store's unique index, made the records the larger part of the store's work
     * (docs/performance.md); on MongoDB the index on {@code events.id} still takes a key an event. The ids are looked
     * up first, among these and among {@link #check}'s single records. Two replicas taking in the same new id at the same moment (a rebalance
     * mid-poll) may each record it: with the same content that is a redelivery, as ever; with different content,
     * neither is refused, and each is applied (never taken for a redelivery and dropped). {@link #check} does not look
     * among a batch's records: each stream's ids are checked by its own kind of consumer.
     */
    public int firstRefused(List<? extends EventEnvelope<?>> events, java.util.function.Consumer<InvalidEventException> reason) {
        if (events.isEmpty()) {
            return -1;
        }
        if (!batchesIndexed) {
            // at a batch consumer's first poll, not at start: a service of single events never pays for the index
            // (the embedded store builds it by reading every record when it opens)
            mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index(
                    BATCH_EVENTS + "." + BATCH_ID, org.springframework.data.domain.Sort.Direction.ASC)
                    .named("batch_event_ids").sparse());
            batchesIndexed = true;
        }
        Map<String, Received> seen = receivedBefore(events.stream().map(EventEnvelope::id).distinct().toList());
        Instant now = clock.instant();
        List<org.bson.Document> fresh = new java.util.ArrayList<>();
        int refused = -1;
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).id();
            String digest = digest(events.get(i));
            Received first = seen.get(id);
            if (first == null) {
                seen.put(id, new Received(id, digest, now));
                fresh.add(new org.bson.Document(BATCH_ID, id).append(BATCH_DIGEST, digest));
            } else if (!first.digest().equals(digest) && refused < 0) {
                reason.accept(new InvalidEventException("event id " + id + " was received before with different"
                        + " content (received " + first.receivedAt() + "): a new fact needs a new id"));
                refused = i;
            }
        }
        List<org.bson.Document> records = new java.util.ArrayList<>();
        for (int from = 0; from < fresh.size(); from += PER_BATCH_RECORD) {
            records.add(new org.bson.Document("_id", new org.bson.types.ObjectId()).append("receivedAt", now)
                    .append(BATCH_EVENTS, fresh.subList(from, Math.min(fresh.size(), from + PER_BATCH_RECORD))));
        }
        if (!records.isEmpty()) {
            mongo.insert(records, COLLECTION); // at the records' write concern, as check's
        }
        return refused;
    }

    /**
     * What was received before under these ids: single records by their id, a batch's by its index. Where two
     * replicas recorded the same id at once, the first received is what the id says.
     */
    private Map<String, Received> receivedBefore(List<String> ids) {
        Map<String, Received> seen = new java.util.HashMap<>();
        // an id that reads as an ObjectId is stored as one (Spring Data's mapping of a String @Id), and read back in
        // lower case
        Map<String, String> askedInLowerCase = new java.util.HashMap<>();
        ids.forEach(id -> askedInLowerCase.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), id));
        java.util.function.BiConsumer<String, Received> found = (id, record) -> seen.merge(id, record,
                (one, other) -> other.receivedAt().isBefore(one.receivedAt()) ? other : one);
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Received.class, COLLECTION).forEach(single -> found
                .accept(askedInLowerCase.getOrDefault(single.eventId().toLowerCase(java.util.Locale.ROOT),
                        single.eventId()), single));
        java.util.Set<String> asked = new java.util.HashSet<>(ids);
        for (org.bson.Document batch : mongo.getCollection(COLLECTION)
                .find(com.mongodb.client.model.Filters.in(BATCH_EVENTS + "." + BATCH_ID, ids))) {
            Instant receivedAt = batch.getDate("receivedAt").toInstant();
            for (org.bson.Document event : batch.getList(BATCH_EVENTS, org.bson.Document.class)) {
                String id = event.getString(BATCH_ID);
                if (asked.contains(id)) {
                    found.accept(id, new Received(id, event.getString(BATCH_DIGEST), receivedAt));
                }
            }
        }
        return seen;
    }

    static String digest(EventEnvelope<?> event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", event.type());
        content.put("localauthority", event.localAuthority());
        content.put("subject", event.subject());
        content.put("schemaversion", event.schemaVersion());
        content.put("data", event.data());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical(JSON.valueToTree(content))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The JSON text with every object's fields in name order: a map's order is not part of what an event says, and an
     * outbox re-publishing an event after a crash writes it from the stored document, whose map order may differ.
     */
    static String canonical(tools.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            java.util.TreeMap<String, tools.jackson.databind.JsonNode> fields = new java.util.TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            StringBuilder out = new StringBuilder("{");
            fields.forEach((name, value) -> out.append(out.length() > 1 ? "," : "")
                    .append(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(name)).append(':')
                    .append(canonical(value)));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (tools.jackson.databind.JsonNode element : node) {
                out.append(out.length() > 1 ? "," : "").append(canonical(element));
            }
            return out.append(']').toString();
        }
        return node.toString();
    }

    /** Forgets what was received over {@value #KEPT_DAYS} days ago (a resend comes within hours, not months). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOld() {
        mongo.remove(Query.query(Criteria.where("receivedAt").lt(clock.instant().minus(Duration.ofDays(KEPT_DAYS)))),
                COLLECTION);
    }
}
