package uk.caseqa.audit.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.RegisteredCase;
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
    public boolean record(CaseRecord c, Instant openedAt, String eventId) {
        Update update = new Update()
                .set("localAuthority", c.localAuthority()).set("cohort", c.cohort().name())
                .set("serviceId", c.serviceId()).set("teamId", c.teamId()).set("socialWorkerId", c.socialWorkerId())
                .set("teamManagerId", c.teamManagerId()).set("serviceManagerId", c.serviceManagerId())
                .set("iroId", c.iroId()).setOnInsert("openedAt", openedAt).setOnInsert("open", true);
        return upserts.apply(COLLECTION, c.caseId(), eventId, update);
    }

    @Override
    public Optional<CaseRecord> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseDocument.class, COLLECTION)).map(CaseDocument::toDomain);
    }

    @Override
    public List<RegisteredCase> openCases(String localAuthority) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority).and("open").is(true)),
                CaseDocument.class, COLLECTION).stream()
                .map(d -> new RegisteredCase(d.toDomain(), d.openedAt(), true)).toList();
    }
}
