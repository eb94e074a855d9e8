package uk.caseqa.messaging.outbox;

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
