package uk.caseqa.messaging.outbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an inbound event's effect to one document at most once: the event id is recorded in the same atomic
 * upsert as the effect ({@value #HANDLED_FIELD}, the latest {@value #HANDLED_KEPT}), and a document that already
 * holds the id is left alone.
 */
public class IdempotentUpserts {

    public static final String HANDLED_FIELD = "handledEventIds";
    private static final int MAX_ATTEMPTS = 5;
    /**
     * How many of the latest event ids a document remembers, so it stays small however long it lives. A redelivery
     * comes within the few events of an uncommitted batch; an effect that must hold for any replay from offset zero
     * is written as a fact under an id of its own instead (see reporting-service).
     */
    public static final int HANDLED_KEPT = 100;
    private final MongoTemplate mongo;

    public IdempotentUpserts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * True when the effect was applied now; false when this event had already been applied to the document.
     * A duplicate key on the upsert means one of two things: the document holds this event id already (the query
     * matched nothing, so the upsert tried to insert a second document with the same id), or another writer created
     * the document between this query and this insert (two events creating it at once). Only the first is "done";
     * the second is tried again against the document that now exists, so no event's effect is lost.
     */
    public boolean apply(String collection, Object id, String eventId, Update effect) {
        Query notYetHandled = Query.query(Criteria.where("_id").is(id).and(HANDLED_FIELD).ne(eventId));
        Query handled = Query.query(Criteria.where("_id").is(id).and(HANDLED_FIELD).is(eventId));
        effect.push(HANDLED_FIELD).slice(-HANDLED_KEPT).each(eventId);
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.upsert(notYetHandled, effect, collection);
                return true;
            } catch (DuplicateKeyException duplicate) {
                if (mongo.exists(handled, collection)) {
                    return false;
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw duplicate;
                }
            }
        }
    }
}
