package uk.caseqa.messaging.outbox;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves an aggregate's state and the events it raised in one single-document write (the store has no multi-document
 * transactions). Updates check the version read, keep events still waiting in the document, and append the new ones.
 */
public class AggregateStore {

    public static final String VERSION_FIELD = "version";
    public static final String NEXT_DUE_FIELD = "nextDueAt";
    public static final String SET_ASIDE_FIELD = "deadlinesSetAsideUntil";
    public static final String SET_ASIDE_REASON_FIELD = "deadlinesProblem";
    /** Fields this store keeps itself, never unset from the state written. */
    private static final java.util.Set<String> STORE_FIELDS = java.util.Set.of(VERSION_FIELD, OutboxRelay.OUTBOX_FIELD,
            OutboxRelay.CLAIM_FIELD, OutboxRelay.CLAIM_TOKEN_FIELD, SET_ASIDE_FIELD, SET_ASIDE_REASON_FIELD);
    private final MongoTemplate mongo;
    private volatile Runnable eventsStored = () -> { };

    public AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Told after each write that stored events, once the write is acknowledged: the relay publishes them at once
     * (its poll stays the path that publishes what a crash left behind). It must return at once.
     */
    public void onEventsStored(Runnable listener) {
        this.eventsStored = listener;
    }

    /** Inserts a new aggregate; a second insert of the same id fails with {@link DuplicateKeyException}. */
    public void insert(Object state, List<OutboxEvent> events, String collection) {
        Document document = toDocument(state);
        document.put(VERSION_FIELD, 0L);
        document.put(OutboxRelay.OUTBOX_FIELD, events.stream().map(this::toDocument).toList());
        mongo.insert(document, collection);
        if (!events.isEmpty()) {
            eventsStored.run();
        }
    }

    /** Inserts a new aggregate unless one with its id exists (ids derive from what caused them); false if it does. */
    public boolean insertIfAbsent(Object state, List<OutboxEvent> events, String collection) {
        try {
            insert(state, events, collection);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Ids of the aggregates whose stored {@value #NEXT_DUE_FIELD} (their earliest pending deadline) has come, so that
     * any replica finds the deadlines due, whichever one stored them and however often it restarted.
     */
    public List<String> idsDueBy(Instant now, String collection) {
        Query due = Query.query(new Criteria().andOperator(Criteria.where(NEXT_DUE_FIELD).lte(now),
                new Criteria().orOperator(Criteria.where(SET_ASIDE_FIELD).exists(false),
                        Criteria.where(SET_ASIDE_FIELD).lte(now)))).limit(200);
        due.fields().include("_id");
        return mongo.find(due, Document.class, collection).stream().map(d -> d.get("_id").toString()).toList();
    }

    /**
     * Leaves an aggregate out of {@link #idsDueBy} until {@code until}, with the reason for operators to read
     * ({@value #SET_ASIDE_FIELD}, {@value #SET_ASIDE_REASON_FIELD}); its own state and version are not touched.
     */
    public void setAside(Object id, Instant until, String reason, String collection) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set(SET_ASIDE_FIELD, until).set(SET_ASIDE_REASON_FIELD, reason), collection);
    }

    /** Updates an aggregate read at {@code expectedVersion}; another writer in between makes this fail. */
    public void update(Object state, long expectedVersion, List<OutboxEvent> events, String collection) {
        VersionChecked write = versionChecked(state, expectedVersion, events);
        if (mongo.updateFirst(write.current(), write.update(), collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(collection + " " + write.id() + " changed since it was read"
                    + " (version " + expectedVersion + "); try again");
        }
        if (!events.isEmpty()) {
            eventsStored.run();
        }
    }

    /**
     * One aggregate's write in {@link #storeAll}: a new one ({@code readAtVersion} null) or one read at that version.
     */
    public record Write(Object state, Long readAtVersion, List<OutboxEvent> events) {
    }

    /**
     * Stores many aggregates in one round trip, each as {@link #insert} or {@link #update} would (each document's
     * write still single-document and atomic; the store commits them together). If any was created or changed by
     * another writer meanwhile, this fails with {@link OptimisticLockingFailureException} after the others are
     * written: the caller applies its work again on the fresh state (it must be idempotent, as every consumer is).
     */
    public void storeAll(List<Write> writes, String collection) {
        if (writes.isEmpty()) {
            return;
        }
        org.springframework.data.mongodb.core.BulkOperations bulk = mongo.bulkOps(
                org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, collection);
        int updates = 0;
        boolean events = false;
        for (Write write : writes) {
            events |= !write.events().isEmpty();
            if (write.readAtVersion() == null) {
                Document document = toDocument(write.state());
                document.put(VERSION_FIELD, 0L);
                document.put(OutboxRelay.OUTBOX_FIELD, write.events().stream().map(this::toDocument).toList());
                bulk.insert(document);
            } else {
                VersionChecked update = versionChecked(write.state(), write.readAtVersion(), write.events());
                bulk.updateOne(update.current(), update.update());
                updates++;
            }
        }
        long matched;
        try {
            matched = bulk.execute().getMatchedCount();
        } catch (org.springframework.data.mongodb.BulkOperationException failed) {
            if (failed.getErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw failed; // not another writer's aggregate: the store failed
            }
            if (events) {
                eventsStored.run(); // what was written is published
            }
            throw new OptimisticLockingFailureException(collection + ": " + failed.getErrors().size() + " of "
                    + writes.size() + " aggregates were created by another writer meanwhile; try again", failed);
        }
        if (events) {
            eventsStored.run();
        }
        if (matched < updates) {
            throw new OptimisticLockingFailureException(collection + ": " + (updates - matched) + " of " + updates
                    + " aggregates changed since they were read; try again");
        }
    }

    private record VersionChecked(Object id, Query current, Update update) {
    }

    private VersionChecked versionChecked(Object state, long expectedVersion, List<OutboxEvent> events) {
        Document document = toDocument(state);
        Object id = document.remove("_id");
        document.remove(VERSION_FIELD);
        document.remove(OutboxRelay.OUTBOX_FIELD);
        Update update = new Update();
        document.forEach(update::set);
        unsetWhatBecameNull(state, document, update);
        update.inc(VERSION_FIELD, 1);
        if (!events.isEmpty()) {
            update.push(OutboxRelay.OUTBOX_FIELD).each(events.stream().map(this::toDocument).toArray());
        }
        return new VersionChecked(id, Query.query(Criteria.where("_id").is(id).and(VERSION_FIELD).is(expectedVersion)),
                update);
    }

    /**
     * The converter leaves null properties out of the document it writes, so a field that became null (a draft
     * submitted, nothing due any more) must be unset, or the stored value would outlive it: a past {@value
     * #NEXT_DUE_FIELD} would bring the aggregate back into every deadline scan for ever.
     */
    private void unsetWhatBecameNull(Object state, Document written, Update update) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(state.getClass());
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !written.containsKey(field) && !STORE_FIELDS.contains(field)) {
                update.unset(property.getFieldName());
            }
        }
    }

    /**
     * A sparse index on {@value #NEXT_DUE_FIELD}, so on MongoDB the deadline scan reads only aggregates with
     * something pending, however many finished ones the collection keeps.
     */
    public void indexDeadlines(String collection) {
        mongo.indexOps(collection).createIndex(new Index(NEXT_DUE_FIELD, Sort.Direction.ASC).sparse()
                .named("nextDueAt_sparse"));
    }

    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
