package uk.caseqa.notification.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.IdempotentUpserts;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.application.DispatchingNotifications;
import uk.caseqa.notification.application.Mailer;
import uk.caseqa.notification.domain.Notification;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.WireMongo;

/** Notifications dispatched by two replicas on the real store, to staff of councils that number staff alike. */
class TwoDispatchersAndTwoCouncilsTest {

    final WireMongo store = new WireMongo();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final MongoNotifications notifications = new MongoNotifications(store.template());
    final StaffReadModel staff = new StaffReadModel(store.template(), new IdempotentUpserts(store.template()));
    final List<String> sent = new ArrayList<>();
    static final DispatchingNotifications.Retries STANDARD = DispatchingNotifications.Retries.standard();

    @AfterEach
    void stop() {
        store.close();
    }

    /** A mail server that takes {@code delay} to accept each message, during which {@code meanwhile} runs. */
    class SlowMailServer implements Mailer {
        private final String replica;
        private final Duration delay;
        Runnable meanwhile = () -> { };

        SlowMailServer(String replica, Duration delay) {
            this.replica = replica;
            this.delay = delay;
        }

        @Override
        public void send(String to, String subject, String body, String html, String reference) {
            clock.advance(delay);
            Runnable now = meanwhile;
            meanwhile = () -> { };
            now.run();
            sent.add(replica + " -> " + to + ": " + subject);
        }

        @Override
        public Duration longestSend() {
            return Duration.ofSeconds(30);
        }
    }

    void registered(String council, String staffId, String email) {
        staff.record(EventEnvelope.of(UUID.randomUUID().toString(), "urn:hr", clock.instant(), staffId, council, "c",
                new StaffMemberRegistered(staffId, StaffRole.SERVICE_MANAGER, "team-1", email)));
    }

    void pending(String council, String event, String recipient) {
        notifications.insertIfAbsent(new Notification(Notification.idFor(event, recipient), event, council, recipient,
                "Case of concern " + event, "link", clock.instant()));
    }

    @Test
    void aSwindonAlertGoesToSwindonsServiceManagerNotToBoltonsWithTheSameStaffId() {
        registered("swindon", "staff-sm-1", "sm1@swindon.example");
        registered("bolton", "staff-sm-1", "sm1@bolton.example");
        pending("swindon", "event-1", "staff-sm-1");

        new DispatchingNotifications(notifications, staff, new SlowMailServer("a", Duration.ZERO), clock,
                new SimpleMeterRegistry(), STANDARD).dispatchPending();

        assertThat(sent).containsExactly("a -> sm1@swindon.example: Case of concern event-1");
    }

    @Test
    void aLongDispatchPassDoesNotHandOutClaimsThatHaveAlreadyExpiredSoNoEmailGoesTwice() {
        registered("swindon", "staff-sm-1", "sm1@swindon.example");
        pending("swindon", "event-1", "staff-sm-1");
        pending("swindon", "event-2", "staff-sm-1");
        pending("swindon", "event-3", "staff-sm-1");
        DispatchingNotifications second = new DispatchingNotifications(notifications, staff,
                new SlowMailServer("b", Duration.ZERO), clock, new SimpleMeterRegistry(), STANDARD);
        // each email takes the first replica's mail server 50 s; 150 s into the pass, the second replica looks
        SlowMailServer slow = new SlowMailServer("a", Duration.ofSeconds(50)) {
            int sends;

            @Override
            public void send(String to, String subject, String body, String html, String reference) {
                if (++sends == 3) {
                    meanwhile = second::dispatchPending;
                }
                super.send(to, subject, body, html, reference);
            }
        };
        DispatchingNotifications first = new DispatchingNotifications(notifications, staff, slow, clock,
                new SimpleMeterRegistry(), STANDARD);

        assertThat(first.dispatchPending()).isEqualTo(3);

        assertThat(sent).containsExactly("a -> sm1@swindon.example: Case of concern event-1",
                "a -> sm1@swindon.example: Case of concern event-2",
                "a -> sm1@swindon.example: Case of concern event-3");
        assertThat(notifications.forRecipient("swindon", "staff-sm-1")).extracting(n -> n.status())
                .containsOnly("SENT");
    }

    @Test
    void aMailServerThatCouldBlockLongerThanTheClaimIsRefusedAtStartUp() {
        Mailer hanging = new SlowMailServer("a", Duration.ZERO) {
            @Override
            public Duration longestSend() {
                return Duration.ofMinutes(3);
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DispatchingNotifications(notifications, staff,
                hanging, clock, new SimpleMeterRegistry(), STANDARD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timeout");
    }

    @Test
    void aReminderWaitsForItsTimeOnTheStoreAndIsCancelledOnceTheWorkIsDone() {
        registered("swindon", "staff-sm-1", "sm1@swindon.example");
        Instant remindAt = clock.instant().plus(Duration.ofHours(20));
        for (String coc : List.of("coc-1", "coc-2")) {
            notifications.insertReminder(new Notification("e-" + coc + ":staff-sm-1:reminder", "e-" + coc, "swindon",
                    "staff-sm-1", "Reminder: " + coc, "due soon", clock.instant()), remindAt, "SafetyPlanRecorded",
                    coc);
        }
        DispatchingNotifications dispatching = new DispatchingNotifications(notifications, staff,
                new SlowMailServer("a", Duration.ZERO), clock, new SimpleMeterRegistry(), STANDARD);

        assertThat(dispatching.dispatchPending()).isZero();
        assertThat(notifications.cancelReminders("swindon", "SafetyPlanRecorded", "coc-1")).isEqualTo(1);
        assertThat(notifications.cancelReminders("bolton", "SafetyPlanRecorded", "coc-2")).isZero();
        clock.advance(Duration.ofHours(20));

        assertThat(dispatching.dispatchPending()).isEqualTo(1);
        assertThat(sent).containsExactly("a -> sm1@swindon.example: Reminder: coc-2");
    }
}
