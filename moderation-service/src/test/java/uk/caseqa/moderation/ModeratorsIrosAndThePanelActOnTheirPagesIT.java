package uk.caseqa.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.Browser;
import uk.caseqa.testsupport.LocalIdentity;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * An Inadequate audit in Swindon, in a real Chromium: the IRO finds it on their work list with the time left in the
 * 72-hour window and comments (an empty comment is refused beside the field); the moderator opens the email's link,
 * changes the grade without the learning conversation (refused beside that field), then agrees with a rationale; a
 * panel member finds the audit in the panel's queue and accepts it with findings; the QA manager closes it. Every
 * page passes axe-core.
 */
@WithRealInfrastructure(localIdentity = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ModerationServiceApplication.CONFIG_NAME})
class ModeratorsIrosAndThePanelActOnTheirPagesIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    static final String QA = "staff-qa-demo";
    static final String HEAD = "staff-hos-demo";
    static final String IRO = "staff-iro-demo";
    static final String AUDIT = "audit-pg1";

    @TestConfiguration
    static class MovedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", CLOCK.instant(), subject, "swindon",
                "corr-" + subject, data);
    }

    RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    String qaToken() {
        return LocalIdentity.shared().of("swindon", QA, "QA_TEAM", "PANEL_MEMBER", "MODERATOR");
    }

    Map<?, ?> moderation() {
        return http().get().uri("/moderations/{id}", AUDIT).header("Authorization", qaToken()).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).body(Map.class);
    }

    @Test
    void theIroCommentsTheModeratorDecidesThePanelAcceptsAndTheQaManagerCloses() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event(QA, new StaffMemberRegistered(QA, StaffRole.QA_MANAGER, "qa", "qa@council.example")));
        topics.send(event(HEAD, new StaffMemberRegistered(HEAD, StaffRole.HEAD_OF_SERVICE, "svc-other",
                "head@council.example")));
        topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        topics.send(event(AUDIT, new AuditAllocated(AUDIT, "case-pg1", "staff-tm-pg", QA,
                CLOCK.instant().plus(Duration.ofDays(14)), IRO)));
        topics.send(event(AUDIT, new AuditCompleted(AUDIT, "case-pg1", "svc-pg", "team-pg", "staff-tm-pg",
                "staff-sw-pg", "staff-sm-pg", Grade.INADEQUATE, Map.of("quality-of-planning", Grade.INADEQUATE), true,
                CLOCK.instant(), null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> QA.equals(moderation().get("moderatorId")));
        String base = "http://localhost:" + port;
        LocalIdentity.shared().allowSignInAt(base);
        CLOCK.advance(Duration.ofHours(2));

        try (Browser iro = Browser.start()) {
            iro.openAs(base + "/pages/my-moderation", "swindon-iro");
            assertThat(iro.field("comments").getText()).contains(AUDIT, "case-pg1", "(70 hours left)");
            iro.assertAccessible();
            iro.follow(AUDIT);
            assertThat(iro.field("comments-due").getText()).isEqualTo("19 November 2026 at 9:00am (70 hours left)");
            iro.press("Record comments");
            assertThat(iro.errorBeside("comment")).isEqualTo("Error: Enter your comments on the audit");
            iro.assertAccessible();
            iro.type("comment", "The plan is reviewed at the next conference.").press("Record comments");
            assertThat(iro.text()).contains("Comments recorded");
            assertThat(iro.field("comments-recorded").getText()).isEqualTo("Recorded 16 November 2026 at 11:00am");
            iro.assertAccessible();
        }

        try (Browser qa = Browser.start()) {
            qa.openAs(base + "/pages/moderations/" + AUDIT, "swindon-qa");
            assertThat(qa.field("auditor-grade").getText()).isEqualTo("staff-tm-pg: INADEQUATE");
            assertThat(qa.text()).as("the audit's grades beside the decision").contains(
                    "Domain: quality-of-planning INADEQUATE");
            qa.assertAccessible();
            qa.pick("outcome", "REQUIRES_IMPROVEMENT").type("rationale", "Some planning is evident.");
            qa.press("Record moderation");
            assertThat(qa.errorBeside("learningConversation"))
                    .isEqualTo("Error: The grade changed: record the learning conversation with the auditor");
            qa.assertAccessible();
            assertThat(moderation().get("status")).isEqualTo("AWAITING_DECISION");

            qa.pick("outcome", "AGREE").type("rationale", "No plan addresses the risks.").press("Record moderation");
            assertThat(qa.text()).contains("Moderation recorded");
            assertThat(qa.field("moderation-status").getText()).isEqualTo("AWAITING_PANEL");
            assertThat(qa.field("final-grade").getText()).startsWith("INADEQUATE");

            Map<?, ?> panel = http().post().uri("/panels").header("Authorization", qaToken())
                    .body(Map.of("date", "2026-11-18", "members", List.of(QA, HEAD))).retrieve().body(Map.class);
            try (Browser head = Browser.start()) {
                head.openAs(base + "/pages/my-moderation", "swindon-head-of-service");
                assertThat(head.field("panels").getText()).contains("(1 waiting)");
                head.follow("Panel of 18 November 2026");
                assertThat(head.field("queue").getText()).contains(AUDIT, "INADEQUATE");
                head.assertAccessible();
                head.follow(AUDIT);
                head.pick("outcome", "accept").press("Record the panel's decision");
                assertThat(head.errorBeside("note")).isEqualTo("Error: Give the panel's findings");
                head.type("note", "Grading consistent with the evidence.").press("Record the panel's decision");
                assertThat(head.text()).contains("Accepted by the panel", "No audits are waiting for the panel.");
                head.assertAccessible();
            }
            assertThat(panel.get("panelId")).isNotNull();

            qa.open(base + "/pages/moderations/" + AUDIT);
            qa.press("Close the audit");
            assertThat(qa.text()).contains("Audit closed");
            assertThat(qa.field("moderation-status").getText()).isEqualTo("CLOSED");
            qa.assertAccessible();
        }
    }
}
