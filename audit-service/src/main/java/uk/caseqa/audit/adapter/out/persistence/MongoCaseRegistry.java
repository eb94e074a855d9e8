package uk.caseqa.audit.adapter.out.persistence;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.messaging.outbox.IdempotentUpserts;

@Component
class MongoCaseRegistry implements CaseRegistry {

    static final String COLLECTION = "cases";
    private final MongoTemplate mongo;
    private final IdempotentUpserts upserts;

    MongoCaseRegistry(MongoTemplate mongo, IdempotentUpserts upserts) {
        this.mongo = mongo;
        this.upserts = upserts;
    }

    @Override
    public boolean record(CaseRecord c, String eventId) {
        Update update = new Update()
                .set("localAuthority", c.localAuthority()).set("cohort", c.cohort().name())
                .set("serviceId", c.serviceId()).set("teamId", c.teamId()).set("socialWorkerId", c.socialWorkerId())
                .set("teamManagerId", c.teamManagerId()).set("serviceManagerId", c.serviceManagerId())
                .set("iroId", c.iroId());
        return upserts.apply(COLLECTION, c.caseId(), eventId, update);
    }

    @Override
    public Optional<CaseRecord> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseDocument.class, COLLECTION)).map(CaseDocument::toDomain);
    }
}
