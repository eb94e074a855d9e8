package uk.caseqa.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.caseqa.contracts.AuditOverdue;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * An email does not wait for the dispatcher's poll: an overdue audit reaches its auditor within seconds although the
 * poll here comes only once an hour (the poll stays, for retries and for what a restart left).
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME, "caseqa.mail.dispatch-interval=1h"})
class AnEmailIsSentAsSoonAsItIsStoredIT {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Value("${caseqa.topic-prefix}")
    String prefix;

    @Test
    void anOverdueAuditReachesItsAuditorWithoutWaitingForThePoll() {
        send("staff-tm-soon", new StaffMemberRegistered("staff-tm-soon", StaffRole.TEAM_MANAGER, "team-1",
                "tm.soon@swindon.example", "Name of staff-tm-soon", "Team Manager", "svc-1"));
        TopicProbe.forPrefix(prefix).awaitConsumed("notification-service", "qa.staff-events");

        send("audit-soon", new AuditOverdue("audit-soon", "case-1", "staff-tm-soon", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .anyMatch(m -> subjectOf(m).startsWith("Overdue: audit audit-soon")));
    }

    private <T extends EventPayload> void send(String subject, T data) {
        TopicProbe.forPrefix(prefix).send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test",
                Instant.now(), subject, "swindon", "corr-" + subject, data));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
