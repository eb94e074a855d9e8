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
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.IdempotentUpserts;

/** This service's copy of the staff directory (collection {@value #COLLECTION}), kept from {@code StaffMemberRegistered}. */
public class StaffReadModel {

    public static final String COLLECTION = "staff";

    /** A member of staff as this service knows them. */
    public record Staff(@Id String staffId, String localAuthority, StaffRole role, String teamId, String email) {
    }

    private final MongoTemplate mongo;
    private final IdempotentUpserts upserts;

    public StaffReadModel(MongoTemplate mongo, IdempotentUpserts upserts) {
        this.mongo = mongo;
        this.upserts = upserts;
    }

    /** Applies the event once; false when it had been applied already. */
    public boolean record(EventEnvelope<StaffMemberRegistered> event) {
        StaffMemberRegistered data = event.data();
        return upserts.apply(COLLECTION, data.staffId(), event.id(), new Update()
                .set("localAuthority", event.localAuthority()).set("role", data.role().name())
                .set("teamId", data.teamId()).set("email", data.email()));
    }

    public Optional<Staff> find(String staffId) {
        return Optional.ofNullable(mongo.findById(staffId, Staff.class, COLLECTION));
    }

    public List<Staff> withRoles(String localAuthority, Collection<StaffRole> roles) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority).and("role")
                .in(roles.stream().map(Enum::name).toList())), Staff.class, COLLECTION);
    }
}
