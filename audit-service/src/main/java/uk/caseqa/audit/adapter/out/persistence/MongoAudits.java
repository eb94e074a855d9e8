package uk.caseqa.audit.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditStatus;
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
        store.indexDeadlines(COLLECTION);
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
    public boolean insertIfAbsent(Audit audit, List<OutboxEvent> events) {
        return store.insertIfAbsent(AuditDocument.of(audit), events, COLLECTION);
    }

    @Override
    public List<Audit> answering(String localAuthority, String followUpId) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority).and("followUpId")
                .is(followUpId)), AuditDocument.class, COLLECTION).stream().map(AuditDocument::toDomain).toList();
    }

    @Override
    public List<Audit> ofCouncil(String localAuthority, String cycleId) {
        Criteria criteria = Criteria.where("localAuthority").is(localAuthority);
        if (cycleId != null) {
            criteria = criteria.and("cycleId").is(cycleId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("allocatedAt", "_id")), AuditDocument.class, COLLECTION)
                .stream().map(AuditDocument::toDomain).toList();
    }

    @Override
    public List<Audit> workOf(String localAuthority, String staffId) {
        Criteria criteria = Criteria.where("localAuthority").is(localAuthority).orOperator(
                Criteria.where("auditorId").is(staffId).and("status").in(AuditStatus.ALLOCATED.name(),
                        AuditStatus.RETURNED.name()),
                Criteria.where("actions").elemMatch(Criteria.where("ownerId").is(staffId).and("status").is("OPEN")));
        return mongo.find(Query.query(criteria).with(Sort.by("allocatedAt", "_id")), AuditDocument.class, COLLECTION)
                .stream().map(AuditDocument::toDomain).filter(a -> a.isWorkOf(staffId)).toList();
    }

    @Override
    public Map<String, Instant> lastAllocatedAt(String localAuthority, Collection<String> caseIds) {
        Map<String, Instant> last = new HashMap<>();
        for (AuditDocument audit : mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority)
                .and("auditedCase.caseId").in(caseIds)), AuditDocument.class, COLLECTION)) {
            last.merge(audit.auditedCase().caseId(), audit.allocatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return last;
    }

    @Override
    public List<String> withDeadlinesDueBy(Instant now) {
        return store.idsDueBy(now, COLLECTION);
    }

    @Override
    public Map<String, Integer> auditsPerAuditor(String cycleId) {
        Map<String, Integer> load = new HashMap<>();
        mongo.find(Query.query(Criteria.where("cycleId").is(cycleId)), AuditDocument.class, COLLECTION)
                .forEach(a -> load.merge(a.auditorId(), 1, Integer::sum));
        return load;
    }

    @Override
    public Optional<Audit> find(String auditId) {
        return Optional.ofNullable(mongo.findById(auditId, AuditDocument.class, COLLECTION)).map(AuditDocument::toDomain);
    }

    @Override
    public List<Audit> findByCase(String localAuthority, String caseId) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority)
                        .and("auditedCase.caseId").is(caseId)), AuditDocument.class, COLLECTION)
                .stream().map(AuditDocument::toDomain).toList();
    }

    @Override
    public void setAsideDeadlines(String id, Instant until, String reason) {
        store.setAside(id, until, reason, COLLECTION);
    }
}
