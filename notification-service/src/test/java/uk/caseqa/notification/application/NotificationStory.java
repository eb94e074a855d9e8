package uk.caseqa.notification.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Bindable;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffMemberLeft;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.IdempotentUpserts;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.adapter.out.mail.MustacheMessages;
import uk.caseqa.notification.domain.AuditContext;
import uk.caseqa.notification.domain.Notification;
import uk.caseqa.notification.domain.RoutingTable;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.ServiceConfiguration;
import uk.caseqa.testsupport.WireMongo;

/**
 * notification-service's routing use cases with the routes, fallbacks and digests of notification-service.yml itself,
 * the real templates, the staff directory on the wire store, in-memory notifications and audit contexts, a moved clock.
 */
final class NotificationStory implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final WireMongo store = new WireMongo();
    final StaffReadModel staff = new StaffReadModel(store.template(), new IdempotentUpserts(store.template()));
    final InMemoryNotifications notifications = new InMemoryNotifications();
    final InMemoryContexts contexts = new InMemoryContexts();
    final NotificationSettings settings = settings();
    final MustacheMessages messages = new MustacheMessages();
    final Lease lease = new Lease();
    final GatheringDigests digests = new GatheringDigests(notifications, settings, messages, staff, clock, lease);
    final RoutingTable routes = new RoutingTable(settings.routes(), new HashSet<>(settings.councils()));
    final NotifyingPeople notifying = new NotifyingPeople(notifications, contexts,
            new FindingRecipients(settings), routes,
            messages, staff, clock, digests, settings, "https://concern.example", "https://moderation.example",
            "https://audit.example");

    static NotificationSettings settings() {
        return ServiceConfiguration.of("notification-service.yml")
                .bind("caseqa.notification", Bindable.of(NotificationSettings.class));
    }

    <T extends EventPayload> EventEnvelope<T> event(String council, String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", clock.instant(), subject, council,
                "corr-" + subject, data);
    }

    @SuppressWarnings("unchecked")
    int notify(EventEnvelope<? extends EventPayload> event) {
        EventEnvelope<EventPayload> any = (EventEnvelope<EventPayload>) event;
        notifying.remember(any);
        return notifying.notify(any);
    }

    /** An audit allocated to staff-tm-7 (IRO staff-iro-1) and completed Good in the team and service given. */
    void auditAllocatedAndCompleted(String council, String auditId, String teamId, String serviceId, Instant due) {
        notify(event(council, auditId, new AuditAllocated(auditId, "case-1", "staff-tm-7",
                "staff-qa-1", due, "staff-iro-1")));
        notify(event(council, auditId, new AuditCompleted(auditId, "case-1", serviceId, teamId,
                "staff-tm-7", "staff-sw-1", "staff-sm-1", Grade.GOOD,
                Map.of("chronology", Grade.GOOD), true, due, null, null)));
    }

    void member(String council, String staffId, StaffRole role, String teamId, String serviceId) {
        staff.record(event(council, staffId, new StaffMemberRegistered(staffId, role, teamId,
                staffId + "@" + council + ".example", "Name of " + staffId, role.name(), serviceId)));
    }

    void left(String council, String staffId) {
        staff.recordLeaving(event(council, staffId, new StaffMemberLeft(staffId, clock.instant())));
    }

    /** Recipients of the notifications made for one event, in order (reminders aside). */
    List<String> toldOf(String eventId) {
        return notifications.saved.values().stream().filter(n -> n.notification.eventId().equals(eventId))
                .filter(n -> !n.notification.notificationId().endsWith(":reminder"))
                .map(n -> n.notification.recipientId()).toList();
    }

    @Override
    public void close() {
        store.close();
    }

    /** A stored notification and where it is on its way. */
    /** The gathering lease; {@code heldElsewhere} plays another replica gathering at this moment. */
    static final class Lease implements GatheringLease {
        boolean heldElsewhere;

        @Override
        public boolean runIfFree(Runnable work) {
            if (heldElsewhere) {
                return false;
            }
            work.run();
            return true;
        }
    }

    static final class Stored {
        final Notification notification;
        Notifications.Status status;
        Instant availableAt;
        String digestId;
        boolean digestWritten;
        String until;
        String key;

        Stored(Notification notification, Notifications.Status status, Instant availableAt) {
            this.notification = notification;
            this.status = status;
            this.availableAt = availableAt;
        }
    }

    /** Notifications by id with the real store's rules for what this story needs. */
    static final class InMemoryNotifications implements Notifications {
        final Map<String, Stored> saved = new LinkedHashMap<>();
        final List<String> nobody = new ArrayList<>();

        @Override
        public boolean insertIfAbsent(Notification n, Instant digestAt) {
            if (saved.containsKey(n.notificationId())) {
                return false;
            }
            saved.put(n.notificationId(), new Stored(n, digestAt == null ? Status.PENDING : Status.DIGEST,
                    digestAt == null ? n.createdAt() : digestAt));
            return true;
        }

        @Override
        public boolean insertReminder(Notification reminder, Instant remindAt, String until, String key) {
            if (!insertIfAbsent(reminder, null)) {
                return false;
            }
            Stored stored = saved.get(reminder.notificationId());
            stored.availableAt = remindAt;
            stored.until = until;
            stored.key = key;
            return true;
        }

        @Override
        public int cancelReminders(String localAuthority, String until, String key) {
            int cancelled = 0;
            for (Stored s : saved.values()) {
                if (s.status == Status.PENDING && until.equals(s.until) && key.equals(s.key)
                        && s.notification.localAuthority().equals(localAuthority)) {
                    s.status = Status.CANCELLED;
                    cancelled++;
                }
            }
            return cancelled;
        }

        @Override
        public void recordNobodyToTell(String eventId, String localAuthority, String party, String eventType,
                Instant at) {
            if (!nobody.contains(eventId + ":" + party)) {
                nobody.add(eventId + ":" + party);
            }
        }

        @Override
        public List<Recipient> digestsDue(Instant now) {
            return saved.values().stream().filter(s -> s.status == Status.DIGEST && !s.availableAt.isAfter(now))
                    .map(s -> new Recipient(s.notification.localAuthority(), s.notification.recipientId())).distinct()
                    .toList();
        }

        @Override
        public void gather(Recipient recipient, Instant now, String digestId) {
            saved.values().stream().filter(s -> s.status == Status.DIGEST && !s.availableAt.isAfter(now))
                    .filter(s -> s.notification.localAuthority().equals(recipient.localAuthority())
                            && s.notification.recipientId().equals(recipient.staffId()))
                    .forEach(s -> {
                        s.status = Status.IN_DIGEST;
                        s.digestId = digestId;
                    });
        }

        @Override
        public List<String> digestsToWrite() {
            return saved.values().stream().filter(s -> s.status == Status.IN_DIGEST && !s.digestWritten)
                    .map(s -> s.digestId).distinct().toList();
        }

        @Override
        public List<Notification> inDigest(String digestId) {
            return saved.values().stream().filter(s -> digestId.equals(s.digestId)).map(s -> s.notification).toList();
        }

        @Override
        public void digestWritten(String digestId) {
            saved.values().stream().filter(s -> digestId.equals(s.digestId)).forEach(s -> s.digestWritten = true);
        }

        @Override
        public Optional<Claimed> claimNext(Instant now, Instant until, String claimToken) {
            throw new UnsupportedOperationException("dispatch is told over the real store");
        }

        @Override
        public boolean markSent(String notificationId, String claimToken, String address, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void retryLater(String notificationId, String claimToken, Instant retryAt, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void giveUp(String notificationId, String claimToken, Instant at, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean sendAgain(String localAuthority, String notificationId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int addressKnownNow(String localAuthority, String recipientId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<NotificationStatus> forRecipient(String localAuthority, String recipientId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<NotificationStatus> inStatus(String localAuthority, Status status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(Status status) {
            return saved.values().stream().filter(s -> s.status == status).count();
        }
    }

    /** Audit and case contexts by council, merged field by field as the real store does. */
    static final class InMemoryContexts implements AuditContexts {
        final Map<String, AuditContext> saved = new LinkedHashMap<>();

        @Override
        public void remember(AuditContext l) {
            saved.merge(l.localAuthority() + "/" + l.auditId(), l, InMemoryContexts::merged);
        }

        @Override
        public void rememberCase(AuditContext c) {
            saved.merge(c.localAuthority() + "/case/" + c.caseId(), c, InMemoryContexts::merged);
        }

        private static AuditContext merged(AuditContext a, AuditContext b) {
            return new AuditContext(a.localAuthority(), or(b.auditId(), a.auditId()), or(b.caseId(), a.caseId()),
                    or(b.auditorId(), a.auditorId()), or(b.iroId(), a.iroId()), or(b.serviceId(), a.serviceId()),
                    or(b.teamId(), a.teamId()), or(b.socialWorkerId(), a.socialWorkerId()),
                    or(b.serviceManagerId(), a.serviceManagerId()), or(b.moderatorId(), a.moderatorId()),
                    or(b.teamManagerId(), a.teamManagerId()));
        }

        private static String or(String newer, String older) {
            return newer != null ? newer : older;
        }

        @Override
        public Optional<AuditContext> find(String localAuthority, String auditId) {
            return Optional.ofNullable(saved.get(localAuthority + "/" + auditId));
        }

        @Override
        public Optional<AuditContext> findCase(String localAuthority, String caseId) {
            return Optional.ofNullable(saved.get(localAuthority + "/case/" + caseId));
        }
    }
}
