package uk.caseqa.moderation.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.moderation.application.Moderations;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationStatus;

@Component
class MongoModerations implements Moderations {

    static final String COLLECTION = "moderations";
    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoModerations(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        store.indexDeadlines(COLLECTION);
        // moderations left waiting for a moderator before waits were watched: bring them into the deadline scan once
        mongo.updateMulti(Query.query(Criteria.where("status").is(ModerationStatus.AWAITING_MODERATOR.name())
                .and(AggregateStore.NEXT_DUE_FIELD).exists(false)),
                new org.springframework.data.mongodb.core.query.Update().set(AggregateStore.NEXT_DUE_FIELD,
                        java.time.Instant.EPOCH), COLLECTION);
    }

    @Override
    public boolean insertIfAbsent(Moderation moderation, List<OutboxEvent> events) {
        return store.insertIfAbsent(ModerationDocument.of(moderation), events, COLLECTION);
    }

    @Override
    public void update(Moderation moderation, List<OutboxEvent> events) {
        store.update(ModerationDocument.of(moderation), moderation.version(), events, COLLECTION);
    }

    @Override
    public Optional<Moderation> find(String auditId) {
        return Optional.ofNullable(mongo.findById(auditId, ModerationDocument.class, COLLECTION))
                .map(ModerationDocument::toDomain);
    }

    @Override
    public List<Moderation> awaitingDecisionBy(String localAuthority, String moderatorId) {
        return byStatus(Criteria.where("localAuthority").is(localAuthority).and("moderatorId").is(moderatorId),
                ModerationStatus.AWAITING_DECISION);
    }

    @Override
    public List<Moderation> awaitingPanel(String localAuthority) {
        return byStatus(Criteria.where("localAuthority").is(localAuthority), ModerationStatus.AWAITING_PANEL);
    }

    private List<Moderation> byStatus(Criteria criteria, ModerationStatus status) {
        return mongo.find(Query.query(criteria.and("status").is(status.name())).with(Sort.by("audit.completedAt")),
                ModerationDocument.class, COLLECTION).stream().map(ModerationDocument::toDomain).toList();
    }

    @Override
    public Map<String, Long> openCounts(String localAuthority, Collection<String> moderatorIds) {
        Query open = Query.query(Criteria.where("localAuthority").is(localAuthority).and("moderatorId").in(moderatorIds)
                .and("status")
                .is(ModerationStatus.AWAITING_DECISION.name()));
        open.fields().include("moderatorId");
        return mongo.find(open, Document.class, COLLECTION).stream()
                .collect(Collectors.groupingBy(d -> d.getString("moderatorId"), Collectors.counting()));
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
