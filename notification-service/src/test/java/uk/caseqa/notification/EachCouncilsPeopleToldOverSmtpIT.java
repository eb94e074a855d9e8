package uk.caseqa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.caseqa.contracts.ActionOverdue;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditOverdue;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.IroCommentOverdue;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.ModerationOverdue;
import uk.caseqa.contracts.PanelCloseOverdue;
import uk.caseqa.contracts.ReAuditOverdue;
import uk.caseqa.contracts.StaffMemberLeft;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.Mail;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * For each council, over Kafka and a real SMTP server: the six overdue events reach the roles the routes name (the QA
 * manager, or in Wandsworth the Head of Safeguarding Standards), as
 * emails with a text and an HTML part; a team manager who has left is replaced by the service manager; and where the
 * council takes routine work in a digest (Wandsworth), an allocation arrives in the next morning's digest, once.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME,
        "caseqa.mail.dispatch-interval=100ms", "caseqa.mail.digest-interval=100ms"})
class EachCouncilsPeopleToldOverSmtpIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

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
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Value("${caseqa.topic-prefix}")
    String prefix;

    <T extends EventPayload> void send(String council, String subject, T data) {
        TopicProbe.forPrefix(prefix).send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test",
                CLOCK.instant(), subject, council, "corr-" + subject, data));
    }

    void member(String council, String staffId, StaffRole role, String teamId) {
        send(council, staffId, new StaffMemberRegistered(staffId, role, teamId, address(council, staffId),
                "Name of " + staffId, role.name(), "svc-1"));
    }

    static String address(String council, String staffId) {
        return staffId + "@" + council + ".example";
    }

    static MimeMessage awaitEmail(String to, Predicate<String> subject) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> sentTo(m, to) && subject.test(subjectOf(m))).findFirst().orElse(null), m -> m != null);
    }

    static long emails(String to, Predicate<String> subject) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> sentTo(m, to) && subject.test(subjectOf(m)))
                .count();
    }

    static boolean sentTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    static void readsAsAPersonWould(MimeMessage email, String reference) {
        assertThat(Mail.text(email)).contains(reference).contains("Dear Name of");
        assertThat(Mail.html(email)).contains("<html").contains(reference).contains("href=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"swindon", "bolton", "telford-and-wrekin", "wandsworth"})
    void overdueWorkReachesTheRolesTheRoutesNameAsTextAndHtml(String council) {
        String audit = "audit-" + council;
        member(council, "staff-tm-7", StaffRole.TEAM_MANAGER, "team-7");
        member(council, "staff-tm-1", StaffRole.TEAM_MANAGER, "team-1");
        member(council, "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1");
        member(council, "staff-qa-1", StaffRole.QA_MANAGER, "qa");
        member(council, "staff-hos-1", StaffRole.HEAD_OF_SERVICE, "svc-1");
        member(council, "staff-iro-1", StaffRole.IRO, "iro");
        member(council, "staff-sw-1", StaffRole.SOCIAL_WORKER, "team-1");
        member(council, "staff-hoss-1", StaffRole.HEAD_OF_SAFEGUARDING_STANDARDS, "standards");
        // Wandsworth's Safeguarding Standards Service oversees auditing (004 ¶28); elsewhere the QA manager
        String overseer = council.equals("wandsworth") ? "staff-hoss-1" : "staff-qa-1";
        // the staff directory first: the emails greet people by name (the two topics are consumed independently)
        TopicProbe.forPrefix(prefix).awaitConsumed("notification-service", "qa.staff-events");
        send(council, audit, new AuditAllocated(audit, "case-1", "staff-tm-7", "staff-qa-1",
                CLOCK.instant().plus(Duration.ofDays(14)), "staff-iro-1"));
        send(council, audit, new AuditCompleted(audit, "case-1", "svc-1", "team-1", "staff-tm-7", "staff-sw-1",
                "staff-sm-1", Grade.GOOD, Map.of("chronology", Grade.GOOD), true, CLOCK.instant(), null, null));
        send(council, audit, new ModerationAssigned(audit, "case-1", "staff-hos-1", "least loaded",
                CLOCK.instant().plus(Duration.ofDays(5))));
        TopicProbe.forPrefix(prefix).awaitConsumed("notification-service", "qa.audit-events");
        Instant due = CLOCK.instant();

        send(council, audit, new AuditOverdue(audit, "case-1", "staff-tm-7", due));
        send(council, audit, new ModerationOverdue(audit, "case-1", "staff-hos-1", due));
        send(council, audit, new IroCommentOverdue(audit, "case-1", "staff-iro-1", due));
        send(council, audit, new PanelCloseOverdue(audit, "case-1", "panel-1", due));
        send(council, "coc-" + audit, new ReAuditOverdue("coc-" + audit, audit, "case-1", due, 1));

        for (String to : List.of("staff-tm-7", overseer, "staff-sm-1")) {
            readsAsAPersonWould(awaitEmail(address(council, to), s -> s.startsWith("Overdue: audit " + audit)), audit);
        }
        readsAsAPersonWould(awaitEmail(address(council, overseer),
                s -> s.startsWith("Overdue: moderation of audit " + audit)), audit);
        awaitEmail(address(council, "staff-hos-1"), s -> s.startsWith("Overdue: moderation of audit " + audit));
        awaitEmail(address(council, "staff-iro-1"), s -> s.startsWith("Overdue: IRO / CP chair comments on audit " + audit));
        awaitEmail(address(council, "staff-qa-1"), s -> s.startsWith("Overdue: audit " + audit + " not closed"));
        awaitEmail(address(council, overseer), s -> s.startsWith("Overdue: the short re-audit for coc-" + audit));
        awaitEmail(address(council, "staff-sm-1"), s -> s.startsWith("Overdue: the short re-audit for coc-" + audit));

        // the action's owner has left and so has the case's team manager: the service manager is told
        send(council, "staff-sw-1", new StaffMemberLeft("staff-sw-1", CLOCK.instant()));
        send(council, "staff-tm-1", new StaffMemberLeft("staff-tm-1", CLOCK.instant()));
        TopicProbe.forPrefix(prefix).awaitConsumed("notification-service", "qa.staff-events");
        send(council, audit, new ActionOverdue(audit, audit + "-a1", "case-1", "staff-sw-1", true, due));
        readsAsAPersonWould(awaitEmail(address(council, "staff-sm-1"),
                s -> s.startsWith("Overdue immediate action " + audit + "-a1")), audit);
        assertThat(emails(address(council, "staff-sw-1"), s -> s.contains(audit + "-a1"))).isZero();

        if (council.equals("wandsworth")) {
            assertThat(emails(address(council, "staff-tm-7"), s -> s.startsWith("Audit " + audit + " of case")))
                    .as("the allocation waits for the digest").isZero();
            CLOCK.set(Instant.parse("2026-11-26T08:00:00Z"));
            MimeMessage digest = awaitEmail(address(council, "staff-tm-7"),
                    s -> s.startsWith("Your quality-assurance digest"));
            assertThat(Mail.text(digest)).contains(audit);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                    emails(address(council, "staff-tm-7"), s -> s.startsWith("Your quality-assurance digest")) == 1);
        } else {
            readsAsAPersonWould(awaitEmail(address(council, "staff-tm-7"),
                    s -> s.startsWith("Audit " + audit + " of case case-1 allocated to you")), audit);
        }
    }
}
