package uk.caseqa.messaging.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffMemberLeft;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.IdempotentUpserts;

/**
 * This service's copy of the staff directory (collection {@value #COLLECTION}), kept from {@code StaffMemberRegistered}.
 * A staff id is a council's own identifier, so a member of staff is known by council and staff id together: two
 * councils may both have a {@code staff-tm-7}, and neither overwrites the other.
 */
public class StaffReadModel {

    public static final String COLLECTION = "staff";

    /** A member of staff as this service knows them; {@code id} is {@link #idOf(String, String)}. */
    public record Staff(@Id String id, String staffId, String localAuthority, StaffRole role, String teamId,
            String email, String displayName, String post, String serviceId, java.time.Instant leftAt) {

        /** The name emails greet them by: their name where the directory has it, else their staff id. */
        public String greeting() {
            return displayName != null && !displayName.isBlank() ? displayName : staffId;
        }

        public boolean inPost() {
            return leftAt == null;
        }
    }

    private final MongoTemplate mongo;
    private final IdempotentUpserts upserts;

    public StaffReadModel(MongoTemplate mongo, IdempotentUpserts upserts) {
        this.mongo = mongo;
        this.upserts = upserts;
    }

    /** The stored key of a council's member of staff. */
    public static String idOf(String localAuthority, String staffId) {
        return localAuthority + "/" + staffId;
    }

    /** Applies the event once; false when it had been applied already. */
    public boolean record(EventEnvelope<StaffMemberRegistered> event) {
        StaffMemberRegistered data = event.data();
        return upserts.apply(COLLECTION, idOf(event.localAuthority(), data.staffId()), event.id(), new Update()
                .set("staffId", data.staffId()).set("localAuthority", event.localAuthority())
                .set("role", data.role().name()).set("teamId", data.teamId()).set("email", data.email())
                .set("displayName", data.displayName()).set("post", data.post()).set("serviceId", data.serviceId())
                .unset("leftAt"));
    }

    /** The member of staff left: kept (their name stays on what they did) but no longer routed work. */
    public boolean recordLeaving(EventEnvelope<StaffMemberLeft> event) {
        return upserts.apply(COLLECTION, idOf(event.localAuthority(), event.data().staffId()), event.id(),
                new Update().set("staffId", event.data().staffId()).set("localAuthority", event.localAuthority())
                        .set("leftAt", event.data().leftAt()));
    }

    /**
     * Re-keys records stored before staff ids were per council ({@code _id} the bare staff id, no {@code staffId}
     * field) under council and staff id; returns how many. Idempotent: a second run finds none.
     */
    public int rekeyRecordsWithoutCouncil() {
        int rekeyed = 0;
        for (org.bson.Document old : mongo.find(Query.query(Criteria.where("staffId").exists(false)),
                org.bson.Document.class, COLLECTION)) {
            String staffId = old.get("_id").toString();
            String council = old.getString("localAuthority");
            org.bson.Document moved = new org.bson.Document(old);
            moved.put("_id", idOf(council, staffId));
            moved.put("staffId", staffId);
            mongo.save(moved, COLLECTION);
            mongo.remove(Query.query(Criteria.where("_id").is(old.get("_id"))), COLLECTION);
            rekeyed++;
        }
        return rekeyed;
    }

    /** The council's member of staff with this id; another council's staff with the same id is never found. */
    public Optional<Staff> find(String localAuthority, String staffId) {
        return Optional.ofNullable(mongo.findById(idOf(localAuthority, staffId), Staff.class, COLLECTION));
    }

    /** True when the council has this member of staff, in post, in one of the roles. */
    public boolean hasRole(String localAuthority, String staffId, Collection<StaffRole> roles) {
        return find(localAuthority, staffId).filter(Staff::inPost).filter(s -> s.role() != null)
                .filter(s -> roles.contains(s.role())).isPresent();
    }

    public List<Staff> withRoles(String localAuthority, Collection<StaffRole> roles) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority).and("role")
                .in(roles.stream().map(Enum::name).toList()).and("staffId").exists(true).and("leftAt").exists(false)),
                Staff.class, COLLECTION);
    }
}
