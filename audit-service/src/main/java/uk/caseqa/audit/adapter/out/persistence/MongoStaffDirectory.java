package uk.caseqa.audit.adapter.out.persistence;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.StaffDirectory;
import uk.caseqa.audit.domain.StaffMember;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.IdempotentUpserts;

@Component
class MongoStaffDirectory implements StaffDirectory {

    static final String COLLECTION = "staff";
    private final MongoTemplate mongo;
    private final IdempotentUpserts upserts;

    MongoStaffDirectory(MongoTemplate mongo, IdempotentUpserts upserts) {
        this.mongo = mongo;
        this.upserts = upserts;
    }

    @Override
    public boolean record(StaffMember member, String eventId) {
        return upserts.apply(COLLECTION, member.staffId(), eventId, new Update()
                .set("localAuthority", member.localAuthority()).set("role", member.role().name())
                .set("teamId", member.teamId()));
    }

    @Override
    public Optional<StaffMember> find(String staffId) {
        return Optional.ofNullable(mongo.findById(staffId, StaffDocument.class, COLLECTION))
                .map(d -> new StaffMember(d.staffId(), d.localAuthority(), d.role(), d.teamId()));
    }

    record StaffDocument(@Id String staffId, String localAuthority, StaffRole role, String teamId) {
    }
}
