package uk.caseqa.messaging.outbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an inbound event's effect to one document at most once: the event id is recorded in the same atomic
 * upsert as the effect ({@value #HANDLED_FIELD}), and a document that already holds the id is left alone.
 */
public class IdempotentUpserts {

    public static final String HANDLED_FIELD = "handledEventIds";
    private final MongoTemplate mongo;

    public IdempotentUpserts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when the effect was applied now; false when this event had already been applied to the document. */
    public boolean apply(String collection, Object id, String eventId, Update effect) {
        Query notYetHandled = Query.query(Criteria.where("_id").is(id).and(HANDLED_FIELD).ne(eventId));
        effect.addToSet(HANDLED_FIELD, eventId);
        try {
            mongo.upsert(notYetHandled, effect, collection);
            return true;
        } catch (DuplicateKeyException alreadyHandled) {
            return false;
        }
    }
}
