package uk.caseqa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.application.DispatchingNotifications;
import uk.caseqa.notification.application.Notifications;
import uk.caseqa.notification.domain.Notification;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * Delivery over a real SMTP server (GreenMail), driven by moving the clock: an outage is ridden out with retries
 * that back off, nothing is lost or sent twice when the server comes back, and a recipient who can never be reached
 * ends FAILED after its attempts, visible to operators and sendable again.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME,
        "caseqa.mail.dispatch-interval=1h", "caseqa.mail.send-on-store=false", "caseqa.notification.retries.max-attempts=4"})
class DeliveryOverRealSmtpIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    static final int SMTP_PORT = freePort();
    static GreenMail smtp = started();

    @TestConfiguration
    static class MovedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    DispatchingNotifications dispatching;
    @Autowired
    Notifications notifications;
    @Autowired
    StaffReadModel staff;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("staffEvents")
    java.util.function.Consumer<org.springframework.messaging.Message<byte[]>> staffEvents;
    @LocalServerPort
    int port;
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    void registered(String council, String staffId, String email) {
        staff.record(EventEnvelope.of(UUID.randomUUID().toString(), "urn:hr", CLOCK.instant(), staffId, council, "c",
                new StaffMemberRegistered(staffId, StaffRole.SERVICE_MANAGER, "team-1", email)));
    }

    String pending(String council, String recipient) {
        String event = UUID.randomUUID().toString();
        notifications.insertIfAbsent(new Notification(Notification.idFor(event, recipient), event, council, recipient,
                "Case of concern " + event, "Open it: http://localhost/cases-of-concern/x", CLOCK.instant()));
        return Notification.idFor(event, recipient);
    }

    long received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }

    @Test
    void anSmtpOutageIsRiddenOutWithBackOffAndTheRecoveryDeliversEachMessageOnce() {
        registered("swindon", "staff-sm-out", "sm-out@swindon.example");
        List<String> ids = List.of(pending("swindon", "staff-sm-out"), pending("swindon", "staff-sm-out"));
        smtp.stop();

        assertThat(dispatching.dispatchPending()).isZero();
        CLOCK.advance(Duration.ofSeconds(29));
        assertThat(dispatching.dispatchPending()).as("still backing off").isZero();
        assertThat(notifications.forRecipient("swindon", "staff-sm-out")).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("PENDING");
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.lastProblem()).isNotBlank();
        });

        smtp = started();
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(dispatching.dispatchPending()).isEqualTo(2);
        CLOCK.advance(Duration.ofHours(2));
        assertThat(dispatching.dispatchPending()).isZero();

        assertThat(received("sm-out@swindon.example")).isEqualTo(2);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                return "";
            }
        })).as("Message-IDs carry the notification ids").contains("<" + ids.get(0).replace(':', '.')
                + "@council.example>");
        assertThat(notifications.forRecipient("swindon", "staff-sm-out")).extracting(n -> n.status())
                .containsOnly("SENT");
        assertThat(ids).hasSize(2);
    }

    @Test
    void aRecipientWithoutAnAddressEndsFailedAfterItsAttemptsAndIsSentAgainOnceRegistered() {
        // the recipient is in no staff directory feed: no address, whatever the retries
        String id = pending("bolton", "staff-sm-bad");

        for (int attempt = 1; attempt <= 4; attempt++) {
            dispatching.dispatchPending();
            CLOCK.advance(Duration.ofHours(1));
        }
        dispatching.dispatchPending();

        RestClient http = RestClient.create("http://localhost:" + port);
        String qa = TestIssuer.bearerOf("bolton", "staff-qa-1", "QA_TEAM");
        List<?> failed = http.get().uri("/notifications?status=FAILED").header("Authorization", qa).retrieve()
                .body(List.class);
        assertThat(failed).singleElement().satisfies(n -> {
            assertThat(((Map<?, ?>) n).get("notificationId")).isEqualTo(id);
            assertThat(((Map<?, ?>) n).get("attempts")).isEqualTo(4);
        });
        assertThat(RestClient.create("http://localhost:" + managementPort).get().uri("/actuator/prometheus")
                .header("Authorization", TestIssuer.bearerOf("bolton", "ops-1", "OPS")).retrieve().body(String.class))
                .contains("caseqa_notifications_waiting{application=\"notification-service\",status=\"FAILED\"} 1.0");

        registered("bolton", "staff-sm-bad", "sm-bad@bolton.example");
        var notQaTeam = http.post().uri("/notifications/{id}/resend?localAuthority=bolton", id)
                .header("Authorization", TestIssuer.bearerOf("bolton", "staff-sm-bad", "SERVICE_MANAGER")).retrieve().onStatus(s -> s.isError(), (req, res) -> { })
                .toEntity(Map.class);
        assertThat(notQaTeam.getStatusCode().value()).isEqualTo(403);
        staff.record(EventEnvelope.of(UUID.randomUUID().toString(), "urn:hr", CLOCK.instant(), "staff-qa-1", "bolton",
                "c", new StaffMemberRegistered("staff-qa-1", StaffRole.QA_MANAGER, "qa", "qa1@bolton.example")));
        assertThat(http.post().uri("/notifications/{id}/resend?localAuthority=bolton", id)
                .header("Authorization", qa).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(202);
        assertThat(dispatching.dispatchPending()).isEqualTo(1);
        assertThat(received("sm-bad@bolton.example")).isEqualTo(1);
        var again = http.post().uri("/notifications/{id}/resend?localAuthority=bolton", id)
                .header("Authorization", qa).retrieve()
                .onStatus(s -> s.isError(), (req, res) -> { }).toEntity(Map.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void notificationsThatWaitedForAnAddressAreSentAsSoonAsTheirRecipientIsRegistered() {
        String failing = pending("wandsworth", "staff-sm-late");
        for (int attempt = 1; attempt <= 4; attempt++) {
            dispatching.dispatchPending();
            CLOCK.advance(Duration.ofHours(1));
        }
        String waiting = pending("wandsworth", "staff-sm-late");
        dispatching.dispatchPending();
        assertThat(notifications.forRecipient("wandsworth", "staff-sm-late")).extracting(n -> n.status())
                .containsExactlyInAnyOrder("FAILED", "PENDING");

        staffEvents.accept(org.springframework.messaging.support.MessageBuilder.withPayload(
                uk.caseqa.contracts.EventJson.write(EventEnvelope.of(UUID.randomUUID().toString(), "urn:hr",
                        CLOCK.instant(), "staff-sm-late", "wandsworth", "c", new StaffMemberRegistered("staff-sm-late",
                                StaffRole.SERVICE_MANAGER, "team-1", "sm-late@wandsworth.example")))).build());

        assertThat(dispatching.dispatchPending()).as("due at once, the clock not moved").isEqualTo(2);
        assertThat(received("sm-late@wandsworth.example")).isEqualTo(2);
        assertThat(notifications.forRecipient("wandsworth", "staff-sm-late")).extracting(n -> n.status())
                .containsOnly("SENT");
        assertThat(List.of(failing, waiting)).doesNotHaveDuplicates();
    }
}
