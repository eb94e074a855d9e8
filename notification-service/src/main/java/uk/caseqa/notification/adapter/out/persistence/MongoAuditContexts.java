package uk.caseqa.notification.adapter.out.persistence;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.AuditContexts;
import uk.caseqa.notification.domain.AuditContext;

/**
 * One document per council and audit, and one per council and case ({@value #COLLECTION}); each event sets the
 * fields it knows, so applying it again leaves the same document.
 */
@Component
class MongoAuditContexts implements AuditContexts {

    static final String COLLECTION = "auditContexts";
    private final MongoTemplate mongo;

    MongoAuditContexts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record ContextDocument(@Id String id, String localAuthority, String auditId, String caseId, String auditorId,
            String iroId, String serviceId, String teamId, String socialWorkerId, String serviceManagerId,
            String moderatorId, String teamManagerId) {
        AuditContext toDomain() {
            return new AuditContext(localAuthority, auditId, caseId, auditorId, iroId, serviceId, teamId,
                    socialWorkerId, serviceManagerId, moderatorId, teamManagerId);
        }
    }

    static String idOf(String localAuthority, String auditId) {
        return localAuthority + "/" + auditId;
    }

    @Override
    public void remember(AuditContext learnt) {
        upsert(idOf(learnt.localAuthority(), learnt.auditId()), learnt);
    }

    @Override
    public void rememberCase(AuditContext ofCase) {
        upsert(idOf(ofCase.localAuthority(), "case/" + ofCase.caseId()), ofCase);
    }

    @Override
    public Optional<AuditContext> findCase(String localAuthority, String caseId) {
        return Optional.ofNullable(mongo.findById(idOf(localAuthority, "case/" + caseId), ContextDocument.class,
                COLLECTION)).map(ContextDocument::toDomain);
    }

    private void upsert(String id, AuditContext learnt) {
        Update update = new Update().set("localAuthority", learnt.localAuthority());
        setIfKnown(update, "auditId", learnt.auditId());
        setIfKnown(update, "teamManagerId", learnt.teamManagerId());
        setIfKnown(update, "caseId", learnt.caseId());
        setIfKnown(update, "auditorId", learnt.auditorId());
        setIfKnown(update, "iroId", learnt.iroId());
        setIfKnown(update, "serviceId", learnt.serviceId());
        setIfKnown(update, "teamId", learnt.teamId());
        setIfKnown(update, "socialWorkerId", learnt.socialWorkerId());
        setIfKnown(update, "serviceManagerId", learnt.serviceManagerId());
        setIfKnown(update, "moderatorId", learnt.moderatorId());
        Query query = Query.query(Criteria.where("_id").is(id));
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.upsert(query, update, COLLECTION);
                return;
            } catch (org.springframework.dao.DuplicateKeyException createdMeanwhile) {
                if (attempt == 3) {
                    throw createdMeanwhile;
                }
            }
        }
    }

    private static void setIfKnown(Update update, String field, String value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    @Override
    public Optional<AuditContext> find(String localAuthority, String auditId) {
        return Optional.ofNullable(mongo.findById(idOf(localAuthority, auditId), ContextDocument.class, COLLECTION))
                .map(ContextDocument::toDomain);
    }
}
