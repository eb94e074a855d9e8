package uk.caseqa.messaging.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Who read or changed what, when and from where: one record per request to a service's API, in the service's own
 * store. Identifiers only (the route, its path variables, the identifying query parameters): never a body, so never a
 * name or a narrative. Read by the council's information governance role, for their council alone.
 */
public final class AttributionLog {

    static final String COLLECTION = "attributionLog";

    /**
     * {@code action} READ or WRITE; {@code route} the endpoint's pattern (/audits/{auditId}); {@code identifiers}
     * what the request named; {@code status} the HTTP status answered (403 and 404 are recorded too).
     */
    public record Entry(@Id String id, Instant at, String staffId, String council, List<String> roles, String action,
            String method, String route, Map<String, String> identifiers, int status, String from,
            String correlationId) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public AttributionLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index("council", Sort.Direction.ASC).on("at", Sort.Direction.DESC)
                .named("council_at"));
    }

    public Entry record(Caller caller, String method, String route, Map<String, String> identifiers, int status,
            String from, String correlationId) {
        Entry entry = new Entry(UUID.randomUUID().toString(), clock.instant(), caller.staffId(), caller.council(),
                caller.roles().stream().map(Enum::name).sorted().toList(),
                "GET".equals(method) || "HEAD".equals(method) ? "READ" : "WRITE", method, route, Map.copyOf(identifiers),
                status, from, correlationId);
        mongo.insert(entry, COLLECTION);
        return entry;
    }

    /**
     * A council's entries, newest first: by one member of staff, and/or naming one record (any identifier equal to
     * {@code recordId}), between two instants; at most {@code limit}.
     */
    public List<Entry> find(String council, String staffId, String recordId, Instant from, Instant to, int limit) {
        Criteria criteria = Criteria.where("council").is(council);
        if (staffId != null) {
            criteria.and("staffId").is(staffId);
        }
        if (from != null || to != null) {
            Criteria at = criteria.and("at");
            if (from != null) {
                at.gte(from);
            }
            if (to != null) {
                at.lt(to);
            }
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at"));
        if (recordId == null) {
            return mongo.find(query.limit(limit), Entry.class, COLLECTION);
        }
        // identifiers are a map of whatever the route names: matched here rather than by one indexed field
        return mongo.find(query, Entry.class, COLLECTION).stream()
                .filter(e -> e.identifiers().containsValue(recordId)).limit(limit).toList();
    }
}
