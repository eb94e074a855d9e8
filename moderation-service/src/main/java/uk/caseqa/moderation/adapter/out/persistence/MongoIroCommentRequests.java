package uk.caseqa.moderation.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.moderation.application.IroCommentRequests;
import uk.caseqa.moderation.domain.Deadline;
import uk.caseqa.moderation.domain.IroCommentRequest;

@Component
class MongoIroCommentRequests implements IroCommentRequests {

    static final String COLLECTION = "iroCommentRequests";
    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoIroCommentRequests(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        store.indexDeadlines(COLLECTION);
    }

    record IroCommentRequestDocument(@Id String auditId, String localAuthority, String caseId, String iroId,
            Instant requestedAt, Deadline deadline, String comment, Instant recordedAt, Instant nextDueAt,
            Long version, List<OutboxEvent> outbox) {
        static IroCommentRequestDocument of(IroCommentRequest r) {
            return new IroCommentRequestDocument(r.auditId(), r.localAuthority(), r.caseId(), r.iroId(),
                    r.requestedAt(), r.deadline(), r.comment(), r.recordedAt(), r.nextDueAt(), r.version(), null);
        }

        IroCommentRequest toDomain() {
            return IroCommentRequest.restore(auditId, localAuthority, caseId, iroId, requestedAt, deadline, comment,
                    recordedAt, version);
        }
    }

    @Override
    public boolean insertIfAbsent(IroCommentRequest request, List<OutboxEvent> events) {
        return store.insertIfAbsent(IroCommentRequestDocument.of(request), events, COLLECTION);
    }

    @Override
    public void update(IroCommentRequest request, List<OutboxEvent> events) {
        store.update(IroCommentRequestDocument.of(request), request.version(), events, COLLECTION);
    }

    @Override
    public Optional<IroCommentRequest> find(String auditId) {
        return Optional.ofNullable(mongo.findById(auditId, IroCommentRequestDocument.class, COLLECTION))
                .map(IroCommentRequestDocument::toDomain);
    }

    @Override
    public List<IroCommentRequest> awaitingCommentBy(String localAuthority, String iroId) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority).and("iroId").is(iroId)
                        .and("comment").is(null)), IroCommentRequestDocument.class, COLLECTION).stream()
                .map(IroCommentRequestDocument::toDomain).filter(r -> r.comment() == null)
                .sorted(java.util.Comparator.comparing(IroCommentRequest::requestedAt)).toList();
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
