package uk.caseqa.concern.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.application.CasesOfConcern;
import uk.caseqa.concern.domain.CaseOfConcern;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.messaging.outbox.OutboxEvent;

@Component
class MongoCasesOfConcern implements CasesOfConcern {

    static final String COLLECTION = "casesOfConcern";
    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoCasesOfConcern(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public boolean insertIfAbsent(CaseOfConcern caseOfConcern, List<OutboxEvent> events) {
        try {
            store.insert(CaseOfConcernDocument.of(caseOfConcern), events, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyOpen) {
            return false;
        }
    }

    @Override
    public Optional<CaseOfConcern> find(String caseOfConcernId) {
        return Optional.ofNullable(mongo.findById(caseOfConcernId, CaseOfConcernDocument.class, COLLECTION))
                .map(CaseOfConcernDocument::toDomain);
    }

    @Override
    public List<CaseOfConcern> open(String localAuthority, String serviceId, String teamId) {
        Criteria criteria = Criteria.where("localAuthority").is(localAuthority).and("status")
                .is(CaseOfConcern.Status.OPEN.name());
        if (serviceId != null) {
            criteria = criteria.and("serviceId").is(serviceId);
        }
        if (teamId != null) {
            criteria = criteria.and("teamId").is(teamId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("openedAt")), CaseOfConcernDocument.class, COLLECTION)
                .stream().map(CaseOfConcernDocument::toDomain).toList();
    }
}
