package uk.caseqa.concern.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.application.FollowUps;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.messaging.outbox.OutboxEvent;

@Component
class MongoFollowUps implements FollowUps {

    static final String COLLECTION = "followUps";
    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoFollowUps(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        store.indexDeadlines(COLLECTION);
    }

    @Override
    public boolean insertIfAbsent(FollowUp followUp, List<OutboxEvent> events) {
        return store.insertIfAbsent(FollowUpDocument.of(followUp), events, COLLECTION);
    }

    @Override
    public void update(FollowUp followUp, List<OutboxEvent> events) {
        store.update(FollowUpDocument.of(followUp), followUp.version(), events, COLLECTION);
    }

    @Override
    public Optional<FollowUp> find(String id) {
        return Optional.ofNullable(mongo.findById(id, FollowUpDocument.class, COLLECTION)).map(FollowUpDocument::toDomain);
    }

    @Override
    public List<FollowUp> openCasesOfConcern(String localAuthority, String serviceId, String teamId) {
        Criteria criteria = Criteria.where("localAuthority").is(localAuthority)
                .and("kind").is(FollowUp.Kind.CASE_OF_CONCERN.name())
                .and("status").is(FollowUp.Status.OPEN.name());
        if (serviceId != null) {
            criteria = criteria.and("facts.serviceId").is(serviceId);
        }
        if (teamId != null) {
            criteria = criteria.and("facts.teamId").is(teamId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("openedAt")), FollowUpDocument.class, COLLECTION)
                .stream().map(FollowUpDocument::toDomain).toList();
    }

    @Override
    public List<String> withDeadlinesDueBy(Instant now) {
        return store.idsDueBy(now, COLLECTION);
    }

    @Override
    public void setAsideDeadlines(String id, Instant until, String reason) {
        store.setAside(id, until, reason, COLLECTION);
    }
}
