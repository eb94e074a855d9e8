package uk.caseqa.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.Notifications;
import uk.caseqa.notification.domain.Notification;

/** Notifications keyed by event and recipient; claims are atomic find-and-modify on {@code availableAt}. */
@Component
class MongoNotifications implements Notifications {

    static final String COLLECTION = "notifications";
    private final MongoTemplate mongo;

    MongoNotifications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record NotificationDocument(@Id String notificationId, String eventId, String localAuthority, String recipientId,
            String subject, String body, Instant createdAt, String status, Instant availableAt, int attempts,
            Instant sentAt, String sentTo, String lastProblem) {
        Notification toDomain() {
            return new Notification(notificationId, eventId, localAuthority, recipientId, subject, body, createdAt);
        }
    }

    @Override
    public boolean insertIfAbsent(Notification n) {
        try {
            mongo.insert(new NotificationDocument(n.notificationId(), n.eventId(), n.localAuthority(), n.recipientId(),
                    n.subject(), n.body(), n.createdAt(), "PENDING", n.createdAt(), 0, null, null, null), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<Notification> claimNext(Instant now, Instant until) {
        Query due = Query.query(Criteria.where("status").is("PENDING").and("availableAt").lte(now))
                .with(Sort.by("availableAt"));
        NotificationDocument claimed = mongo.findAndModify(due,
                new Update().set("availableAt", until).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class, COLLECTION);
        return Optional.ofNullable(claimed).map(NotificationDocument::toDomain);
    }

    @Override
    public void markSent(String notificationId, String address, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notificationId)),
                new Update().set("status", "SENT").set("sentAt", at).set("sentTo", address), COLLECTION);
    }

    @Override
    public void release(String notificationId, Instant retryAt, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notificationId)),
                new Update().set("availableAt", retryAt).set("lastProblem", reason), COLLECTION);
    }

    @Override
    public List<NotificationStatus> forRecipient(String recipientId) {
        return mongo.find(Query.query(Criteria.where("recipientId").is(recipientId)).with(Sort.by("createdAt")),
                NotificationDocument.class, COLLECTION).stream()
                .map(d -> new NotificationStatus(d.notificationId(), d.recipientId(), d.subject(), d.status(),
                        d.createdAt(), d.sentAt(), d.lastProblem()))
                .toList();
    }
}
