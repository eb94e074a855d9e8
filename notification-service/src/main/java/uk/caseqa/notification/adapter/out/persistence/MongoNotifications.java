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
        // sent notifications lose availableAt, so on MongoDB the claim scan reads only those still to send
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index("availableAt",
                Sort.Direction.ASC).sparse().named("availableAt_sparse"));
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
    public Optional<Notification> claimNext(Instant now, Instant until, String claimToken) {
        Query due = Query.query(Criteria.where("status").is("PENDING").and("availableAt").lte(now))
                .with(Sort.by("availableAt"));
        NotificationDocument claimed = mongo.findAndModify(due,
                new Update().set("availableAt", until).set("claimToken", claimToken).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class, COLLECTION);
        return Optional.ofNullable(claimed).map(NotificationDocument::toDomain);
    }

    @Override
    public boolean markSent(String notificationId, String claimToken, String address, Instant at) {
        Update sent = new Update().set("status", "SENT").set("sentAt", at).set("sentTo", address).unset("availableAt");
        if (mongo.updateFirst(claimedBy(notificationId, claimToken), sent, COLLECTION).getMatchedCount() > 0) {
            return true;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notificationId)), sent, COLLECTION);
        return false;
    }

    @Override
    public void release(String notificationId, String claimToken, Instant retryAt, String reason) {
        mongo.updateFirst(claimedBy(notificationId, claimToken),
                new Update().set("availableAt", retryAt).set("lastProblem", reason), COLLECTION);
    }

    private static Query claimedBy(String notificationId, String claimToken) {
        return Query.query(Criteria.where("_id").is(notificationId).and("claimToken").is(claimToken));
    }

    @Override
    public List<NotificationStatus> forRecipient(String localAuthority, String recipientId) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority).and("recipientId")
                        .is(recipientId)).with(Sort.by("createdAt")),
                NotificationDocument.class, COLLECTION).stream()
                .map(d -> new NotificationStatus(d.notificationId(), d.recipientId(), d.subject(), d.status(),
                        d.createdAt(), d.sentAt(), d.lastProblem()))
                .toList();
    }
}
