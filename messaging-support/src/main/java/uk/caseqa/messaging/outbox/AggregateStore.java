package uk.caseqa.messaging.outbox;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    private final MongoTemplate mongo;

    public AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new aggregate; a second insert of the same id fails with {@link DuplicateKeyException}. */
    public void insert(Object state, List<OutboxEvent> events, String collection) {
        Document document = toDocument(state);
        document.put(VERSION_FIELD, 0L);
        document.put(OutboxRelay.OUTBOX_FIELD, events.stream().map(this::toDocument).toList());
        mongo.insert(document, collection);
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
        Query due = Query.query(Criteria.where(NEXT_DUE_FIELD).lte(now)).limit(200);
        due.fields().include("_id");
        return mongo.find(due, Document.class, collection).stream().map(d -> d.get("_id").toString()).toList();
    }

    /** Updates an aggregate read at {@code expectedVersion}; another writer in between makes this fail. */
    public void update(Object state, long expectedVersion, List<OutboxEvent> events, String collection) {
        Document document = toDocument(state);
        Object id = document.remove("_id");
        document.remove(VERSION_FIELD);
        document.remove(OutboxRelay.OUTBOX_FIELD);
        Update update = new Update();
        document.forEach(update::set);
        update.inc(VERSION_FIELD, 1);
        if (!events.isEmpty()) {
            update.push(OutboxRelay.OUTBOX_FIELD).each(events.stream().map(this::toDocument).toArray());
        }
        Query current = Query.query(Criteria.where("_id").is(id).and(VERSION_FIELD).is(expectedVersion));
        if (mongo.updateFirst(current, update, collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(collection + " " + id + " changed since it was read (version "
                    + expectedVersion + "); try again");
        }
    }

    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
