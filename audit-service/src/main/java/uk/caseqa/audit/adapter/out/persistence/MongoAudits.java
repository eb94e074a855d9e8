package uk.caseqa.audit.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.messaging.outbox.OutboxEvent;

@Component
class MongoAudits implements Audits {

    static final String COLLECTION = "audits";
    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoAudits(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public void save(Audit audit, List<OutboxEvent> events) {
        AuditDocument document = AuditDocument.of(audit);
        if (audit.version() == null) {
            store.insert(document, events, COLLECTION);
        } else {
            store.update(document, audit.version(), events, COLLECTION);
        }
    }

    @Override
    public Optional<Audit> find(String auditId) {
        return Optional.ofNullable(mongo.findById(auditId, AuditDocument.class, COLLECTION)).map(AuditDocument::toDomain);
    }

    @Override
    public List<Audit> findByCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("auditedCase.caseId").is(caseId)), AuditDocument.class, COLLECTION)
                .stream().map(AuditDocument::toDomain).toList();
    }
}
