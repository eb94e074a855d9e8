package uk.caseqa.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.Notifications.Claimed;
import uk.caseqa.notification.application.Notifications.Status;
import uk.caseqa.notification.application.Notifications;
import uk.caseqa.notification.domain.Notification;
import uk.caseqa.notification.domain.Route;

/** Notifications keyed by event and recipient; claims are atomic find-and-modify on {@code availableAt}. */
@Component
class MongoNotifications implements Notifications {

    static final String COLLECTION = "notifications";
    /** The work that cancels reminders, once done: a reminder written afterwards is cancelled at once. */
    static final String DONE = "remindersDone";
    private final MongoTemplate mongo;
    private final org.springframework.context.ApplicationEventPublisher events;

    /** Tests of the store alone: nobody listens for what is stored. */
    MongoNotifications(MongoTemplate mongo) {
        this(mongo, event -> { });
    }

    @org.springframework.beans.factory.annotation.Autowired
    MongoNotifications(MongoTemplate mongo, org.springframework.context.ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
        // sent notifications lose availableAt, so on MongoDB the claim scan reads only those still to send
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index("availableAt",
                Sort.Direction.ASC).sparse().named("availableAt_sparse"));
        // a digest's emails, those waiting to go into one, and a person's emails waiting for their address: read
        // without a scan of every email ever sent
        for (String field : List.of("digestId", "digestWritten", "recipientId")) {
            mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index(field,
                    Sort.Direction.ASC).sparse().named(field + "_sparse"));
        }
    }

    record NotificationDocument(@Id String notificationId, String eventId, String localAuthority, String recipientId,
            String subject, String body, Instant createdAt, String status, Instant availableAt, int attempts,
            Instant sentAt, String sentTo, String lastProblem, String html, String urgency, String link,
            String digestId, String cancelledBy, String cancelKey) {
        Notification toDomain() {
            return new Notification(notificationId, eventId, localAuthority, recipientId, subject, body, createdAt,
                    html, urgency == null ? Route.Urgency.URGENT : Route.Urgency.valueOf(urgency), link);
        }
    }

    @Override
    public boolean insertIfAbsent(Notification n, Instant digestAt) {
        try {
            mongo.insert(new NotificationDocument(n.notificationId(), n.eventId(), n.localAuthority(), n.recipientId(),
                    n.subject(), n.body(), n.createdAt(), (digestAt == null ? Status.PENDING : Status.DIGEST).name(),
                    digestAt == null ? n.createdAt() : digestAt, 0, null, null, null, n.html(), n.urgency().name(),
                    n.link(), null, null, null), COLLECTION);
            if (digestAt == null) {
                events.publishEvent(new uk.caseqa.notification.application.NotificationStored(n.notificationId())); // sent now, not at the next poll
            }
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    @Override
    public boolean insertReminder(Notification n, Instant remindAt, String until, String key) {
        try {
            // one write: the reminder is never due before its time, and always carries what cancels it
            mongo.insert(new NotificationDocument(n.notificationId(), n.eventId(), n.localAuthority(), n.recipientId(),
                    n.subject(), n.body(), n.createdAt(), Status.PENDING.name(), remindAt, 0, null, null, null, n.html(),
                    n.urgency().name(), n.link(), null, until, key), COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
        // the work may have been done before this reminder was written (a replayed event): then it is not needed
        if (mongo.exists(Query.query(Criteria.where("_id").is(doneId(n.localAuthority(), until, key))), DONE)) {
            cancelReminders(n.localAuthority(), until, key);
        }
        return true;
    }

    @Override
    public int cancelReminders(String localAuthority, String until, String key) {
        try {
            mongo.insert(new Document("_id", doneId(localAuthority, until, key)), DONE);
        } catch (DuplicateKeyException alreadyDone) {
            // recorded by an earlier delivery
        }
        return (int) mongo.updateMulti(Query.query(Criteria.where("localAuthority").is(localAuthority)
                        .and("cancelledBy").is(until).and("cancelKey").is(key).and("status").is(Status.PENDING.name())),
                new Update().set("status", Status.CANCELLED.name()).unset("availableAt"), COLLECTION).getModifiedCount();
    }

    private static String doneId(String localAuthority, String until, String key) {
        return localAuthority + "/" + until + "/" + key;
    }

    @Override
    public List<Recipient> digestsDue(Instant now) {
        Query due = Query.query(Criteria.where("status").is(Status.DIGEST.name()).and("availableAt").lte(now));
        due.fields().include("localAuthority").include("recipientId");
        return mongo.find(due, Document.class, COLLECTION).stream()
                .map(d -> new Recipient(d.getString("localAuthority"), d.getString("recipientId"))).distinct().toList();
    }

    @Override
    public void gather(Recipient recipient, Instant now, String digestId) {
        mongo.updateMulti(Query.query(Criteria.where("status").is(Status.DIGEST.name()).and("availableAt").lte(now)
                        .and("localAuthority").is(recipient.localAuthority()).and("recipientId").is(recipient.staffId())),
                new Update().set("status", Status.IN_DIGEST.name()).set("digestId", digestId).set("digestWritten", false)
                        .unset("availableAt"), COLLECTION);
    }

    @Override
    public List<String> digestsToWrite() {
        Query waiting = Query.query(Criteria.where("status").is(Status.IN_DIGEST.name()).and("digestWritten").is(false));
        waiting.fields().include("digestId");
        return mongo.find(waiting, Document.class, COLLECTION).stream().map(d -> d.getString("digestId")).distinct()
                .toList();
    }

    @Override
    public List<Notification> inDigest(String digestId) {
        return mongo.find(Query.query(Criteria.where("digestId").is(digestId)).with(Sort.by("createdAt", "_id")),
                NotificationDocument.class, COLLECTION).stream().map(NotificationDocument::toDomain).toList();
    }

    @Override
    public void digestWritten(String digestId) {
        mongo.updateMulti(Query.query(Criteria.where("digestId").is(digestId)), new Update().set("digestWritten", true),
                COLLECTION);
    }

    @Override
    public Optional<Claimed> claimNext(Instant now, Instant until, String claimToken) {
        Query due = Query.query(Criteria.where("status").is(Status.PENDING.name()).and("availableAt").lte(now))
                .with(Sort.by("availableAt"));
        NotificationDocument claimed = mongo.findAndModify(due,
                new Update().set("availableAt", until).set("claimToken", claimToken).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class, COLLECTION);
        return Optional.ofNullable(claimed).map(d -> new Claimed(d.toDomain(), d.attempts()));
    }

    @Override
    public boolean markSent(String notificationId, String claimToken, String address, Instant at) {
        Update sent = new Update().set("status", Status.SENT.name()).set("sentAt", at).set("sentTo", address)
                .unset("availableAt");
        if (mongo.updateFirst(claimedBy(notificationId, claimToken), sent, COLLECTION).getMatchedCount() > 0) {
            return true;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notificationId)), sent, COLLECTION);
        return false;
    }

    @Override
    public void retryLater(String notificationId, String claimToken, Instant retryAt, String reason) {
        mongo.updateFirst(claimedBy(notificationId, claimToken),
                new Update().set("availableAt", retryAt).set("lastProblem", reason), COLLECTION);
    }

    @Override
    public void giveUp(String notificationId, String claimToken, Instant at, String reason) {
        mongo.updateFirst(claimedBy(notificationId, claimToken), new Update().set("status", Status.FAILED.name())
                .set("failedAt", at).set("lastProblem", reason).unset("availableAt"), COLLECTION);
    }

    @Override
    public int addressKnownNow(String localAuthority, String recipientId, Instant now) {
        Criteria waitingForAddress = Criteria.where("localAuthority").is(localAuthority).and("recipientId")
                .is(recipientId).and("status").in(Status.PENDING.name(), Status.FAILED.name()).and("lastProblem")
                .regex("^" + java.util.regex.Pattern.quote(NO_ADDRESS));
        return (int) mongo.updateMulti(Query.query(waitingForAddress), new Update().set("status", Status.PENDING.name())
                .set("availableAt", now).set("attempts", 0).unset("failedAt"), COLLECTION).getModifiedCount();
    }

    @Override
    public boolean sendAgain(String localAuthority, String notificationId, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(notificationId).and("localAuthority")
                        .is(localAuthority).and("status").is(Status.FAILED.name())),
                new Update().set("status", Status.PENDING.name()).set("availableAt", now).set("attempts", 0),
                COLLECTION).getMatchedCount() > 0;
    }

    @Override
    public void recordNobodyToTell(String eventId, String localAuthority, String party, String eventType, Instant at) {
        try {
            mongo.insert(new NotificationDocument("nobody:" + eventId + ":" + party, eventId, localAuthority,
                    "(" + party + ")", eventType + ": nobody holds " + party + " to tell", null, at,
                    Status.NO_RECIPIENT.name(), null, 0, null, null, "no " + party + " in post, nor anyone up the line",
                    null, null, null, null, null, null), COLLECTION);
        } catch (DuplicateKeyException alreadyRecorded) {
            // once per event and party
        }
    }

    private static Query claimedBy(String notificationId, String claimToken) {
        return Query.query(Criteria.where("_id").is(notificationId).and("claimToken").is(claimToken));
    }

    @Override
    public List<NotificationStatus> inStatus(String localAuthority, Status status) {
        return statuses(Criteria.where("localAuthority").is(localAuthority).and("status").is(status.name()));
    }

    @Override
    public long count(Status status) {
        return mongo.count(Query.query(Criteria.where("status").is(status.name())), COLLECTION);
    }

    @Override
    public List<NotificationStatus> forRecipient(String localAuthority, String recipientId) {
        return statuses(Criteria.where("localAuthority").is(localAuthority).and("recipientId").is(recipientId));
    }

    private List<NotificationStatus> statuses(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt", "_id")), NotificationDocument.class,
                COLLECTION).stream()
                .map(d -> new NotificationStatus(d.notificationId(), d.recipientId(), d.subject(), d.status(),
                        d.createdAt(), d.sentAt(), d.lastProblem(), d.attempts(),
                        Status.PENDING.name().equals(d.status()) ? d.availableAt() : null))
                .toList();
    }
}
