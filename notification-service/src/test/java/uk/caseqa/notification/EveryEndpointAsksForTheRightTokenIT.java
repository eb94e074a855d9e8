package uk.caseqa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.notification.domain.Notification;
import uk.caseqa.testsupport.EndpointWalk;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * Every endpoint of notification-service, found from its own mappings: 401 without a token, 403 with every other
 * role, nothing of Swindon's for Bolton's caller, the right person of Swindon served; a member of staff reads their
 * own notifications, not a colleague's.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME, "caseqa.mail.dispatch-interval=1h", "caseqa.mail.send-on-store=false"})
class EveryEndpointAsksForTheRightTokenIT {

    static final String MANAGER = "staff-sm-n";
    static final String QA = "staff-qa-n";

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    ApplicationContext context;

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), subject, "swindon",
                "corr-" + subject, data);
    }

    RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notificationsOf(String recipient, String bearer) {
        return http().get().uri("/notifications?recipientId={id}", recipient).header("Authorization", bearer)
                .retrieve().body(List.class);
    }

    @Test
    void everyEndpointRefusesTheWrongCallerAndServesTheRightOne() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event(MANAGER, new StaffMemberRegistered(MANAGER, StaffRole.SERVICE_MANAGER, "svc-n",
                "smn@council.example")));
        topics.send(event(QA, new StaffMemberRegistered(QA, StaffRole.QA_MANAGER, "qa", "qan@council.example")));
        topics.awaitConsumed("notification-service", EventStream.STAFF.topic());
        Instant due = Instant.now().plus(Duration.ofHours(24));
        var opened = event("coc-audit-n1", new CaseOfConcernOpened("coc-audit-n1", "audit-n1", "case-n1", "svc-n",
                "team-n", MANAGER, due, due.plus(Duration.ofDays(42)), Instant.now(), "swindon", List.of()));
        topics.send(opened);
        String manager = TestIssuer.bearerOf("swindon", MANAGER, "SERVICE_MANAGER");
        await().atMost(Duration.ofSeconds(30)).until(() -> !notificationsOf(MANAGER, manager).isEmpty());

        Map<String, String> values = Map.of("recipientId", MANAGER, "status", "PENDING",
                "notificationId", Notification.idFor(opened.id(), MANAGER));
        LinkedHashMap<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("POST /notifications/{notificationId}/resend", Map.of());
        List<String> walked = EndpointWalk.walk(context, "http://localhost:" + port,
                new EndpointWalk.Fixture("swindon", "bolton", values, bodies,
                        Map.of("POST /notifications/{notificationId}/resend", QA,
                                "GET /notifications", MANAGER)));
        System.out.println("notification-service endpoints walked:\n  " + String.join("\n  ", walked));
        assertThat(walked).hasSizeGreaterThanOrEqualTo(4);

        var colleagues = http().get().uri("/notifications?recipientId={id}", MANAGER)
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-sm-colleague", "SERVICE_MANAGER"))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
        assertThat(colleagues.getStatusCode().value()).as("a colleague's notifications").isEqualTo(403);
    }
}
