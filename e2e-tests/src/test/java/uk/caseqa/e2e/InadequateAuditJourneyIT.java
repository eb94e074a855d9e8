package uk.caseqa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.launcher.DemoJourney;
import uk.caseqa.launcher.DemoSeed;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.testsupport.Browser;
import uk.caseqa.testsupport.Mail;
import uk.caseqa.testsupport.TopicProbe;

/**
 * The walking skeleton: a case opened upstream, audited Inadequate and moderated over REST, becomes a case of concern,
 * an email to the service manager and a board aggregate, all through Kafka, across the five services.
 */
class InadequateAuditJourneyIT {

    static Platform platform;

    @BeforeAll
    static void startThePlatform() {
        platform = new Platform();
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anInadequateAuditOpensACaseOfConcernEmailsTheServiceManagerAndReachesTheBoard() throws Exception {
        String auditId = auditInadequately("case-e2e-1");
        String caseOfConcernId = "coc-" + auditId;

        MimeMessage email = awaitEmailAbout(caseOfConcernId);
        String body = Mail.text(email);
        assertThat(Mail.html(email)).contains("href=").contains("/cases-of-concern/" + caseOfConcernId);
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("service.manager@council.example");
        assertThat(body).contains("/cases-of-concern/" + caseOfConcernId).contains("case-e2e-1")
                .doesNotContain("strategy meeting");

        Map<?, ?> concern = platform.client(PlatformService.CONCERN, platform.demo(DemoJourney.SERVICE_MANAGER)).get()
                .uri("/cases-of-concern/{id}", caseOfConcernId).retrieve().body(Map.class);
        List<?> deadlines = (List<?>) concern.get("deadlines");
        Instant openedAt = Instant.parse((String) concern.get("openedAt"));
        assertThat(dueAt(deadlines, "SAFETY_PLAN")).isEqualTo(openedAt.plus(Duration.ofHours(24)));
        GradeInadequate grade = (GradeInadequate) platform.topics.awaitEvents(EventStream.MODERATION.topic(),
                "GradeInadequate", e -> e.subject().equals(auditId)).get(0).data();
        assertThat(grade.gradedBy()).isEqualTo(GradedBy.AUDITOR);
        assertThat(dueAt(deadlines, "RE_AUDIT")).isEqualTo(grade.gradedAt().plus(Duration.ofDays(42)));

        RestClient concerns = platform.client(PlatformService.CONCERN, platform.demo(DemoJourney.SERVICE_MANAGER));
        var refused = concerns.post().uri("/cases-of-concern/{id}/safety-plan", caseOfConcernId)
                .header("Authorization", platform.demo(DemoJourney.AUDITOR)).body(Map.of("decision", "not mine to make"))
                .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        concerns.post().uri("/cases-of-concern/{id}/safety-plan", caseOfConcernId)
                .header("Authorization", platform.demo(DemoJourney.SERVICE_MANAGER))
                .body(Map.of("decision", "Strategy discussion today; daily visits until then.")).retrieve()
                .toBodilessEntity();
        List<?> history = concerns.get().uri("/cases-of-concern/{id}/history", caseOfConcernId).retrieve()
                .body(List.class);
        assertThat(history).anySatisfy(t -> assertThat(((Map<?, ?>) t).get("by")).isEqualTo(DemoJourney.SERVICE_MANAGER));
        assertThat(platform.topics.awaitEvents(EventStream.CONCERNS.topic(), "SafetyPlanRecorded",
                e -> e.subject().equals(caseOfConcernId))).hasSize(1);

        // the board (and the work lists below) are fed by background bindings, which may wait up to 15 s at a time
        // while urgent work is under way: a minute, as for the urgent events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(aggregatesOfTeam("final-grades", teamOf("case-e2e-1"))).singleElement()
                    .satisfies(a -> assertThat(counts(a)).containsEntry("INADEQUATE", 1));
            assertThat(aggregatesOfTeam("cases-of-concern", teamOf("case-e2e-1"))).singleElement()
                    .satisfies(a -> assertThat(counts(a)).containsEntry("OPENED", 1));
        });
        assertThat(platform.topics.awaitEvents(EventStream.BOARD_AGGREGATES.topic(), "BoardAggregateUpdated",
                e -> e.subject().startsWith("final-grades|" + DemoJourney.COUNCIL + "|TEAM|" + teamOf("case-e2e-1")
                        + "|"))).isNotEmpty();
    }

    /**
     * The same journey as people see it, in a real Chromium: the auditor signs in, fills the audit form and submits
     * it Inadequate; the service manager follows the email's link, signs in, records the safety plan on the case of
     * concern's page; the board's dashboard shows the plan in time and the open case of concern. Every page passes
     * axe-core.
     */
    @Test
    void theAuditorsFormTheServiceManagersEmailLinkAndTheDashboardInABrowser() throws Exception {
        String caseId = "case-e2e-web";
        DemoJourney.publish(platform.infrastructure.kafkaAdminClient(), platform.isolation + ".",
                DemoJourney.upstreamEvents(DemoJourney.COUNCIL, caseId, teamOf(caseId)));
        RestClient audits = platform.client(PlatformService.AUDIT, platform.demo(DemoJourney.QA_MANAGER));
        String auditId = (String) await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> audits.post()
                .uri("/audits").body(Map.of("caseId", caseId, "auditorId", DemoJourney.AUDITOR)).retrieve()
                .body(Map.class), a -> a != null).get("auditId");
        String caseOfConcernId = "coc-" + auditId;

        try (Browser auditor = Browser.start()) {
            auditor.openAs(platform.url(PlatformService.NOTIFICATION) + "/pages/my-work", "swindon-auditor");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                auditor.open(platform.url(PlatformService.NOTIFICATION) + "/pages/my-work");
                return auditor.text().contains(auditId);
            });
            auditor.assertAccessible();
            auditor.follow(auditId);
            assertThat(auditor.heading()).isEqualTo(auditId);
            for (var inadequate : auditor.driver().findElements(org.openqa.selenium.By.cssSelector(
                    "input[type=radio][name^='domain-'][value='INADEQUATE']"))) {
                inadequate.click();
            }
            auditor.pick("overallGrade", "INADEQUATE")
                    .type("rationale", "No plan addresses the risks identified at the strategy meeting.")
                    .type("respondentType", "Parent")
                    .type("other-PRACTITIONER-summary", "Discussed with the social worker.");
            auditor.press("Submit audit");
            assertThat(auditor.errorSummary()).isEmpty();
            assertThat(auditor.text()).contains("Audit submitted");
            auditor.assertAccessible();
        }

        MimeMessage email = awaitEmailAbout(caseOfConcernId);
        String link = platform.url(PlatformService.CONCERN) + "/pages/cases-of-concern/" + caseOfConcernId;
        assertThat(Mail.html(email)).contains("href=\"" + link + "\"");
        try (Browser manager = Browser.start()) {
            manager.openAs(link, "swindon-service-manager");
            assertThat(manager.heading()).isEqualTo(caseOfConcernId);
            assertThat(manager.field("safety-plan-status").getText()).startsWith("Due ").endsWith(" left)");
            manager.assertAccessible();
            manager.type("decision", "Strategy discussion today; daily visits until then.")
                    .press("Record safety plan");
            assertThat(manager.text()).contains("Safety plan recorded");
            assertThat(manager.field("safety-plan-status").getText())
                    .startsWith("Recorded by " + DemoJourney.SERVICE_MANAGER);
            manager.assertAccessible();

            // the board, from the pages' navigation: the service manager signs in to reporting-service as to any page
            manager.openAs(platform.url(PlatformService.REPORTING) + "/dashboard/index.html?council="
                    + DemoJourney.COUNCIL + "&breakdown=TEAM&value=" + teamOf(caseId), "swindon-service-manager");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(tile(manager, "concerns")).isEqualTo("1");
                assertThat(tile(manager, "plans")).isEqualTo("100.0%");
            });
        }
    }

    private static String tile(Browser browser, String name) {
        return browser.driver().findElement(org.openqa.selenium.By.cssSelector("[data-tile=" + name + "]")).getText();
    }

    @Test
    void theSameEventsDeliveredAgainGiveOneCaseOfConcernAndOneEmail() throws Exception {
        String auditId = auditInadequately("case-e2e-2");
        String caseOfConcernId = "coc-" + auditId;
        awaitEmailAbout(caseOfConcernId);
        TopicProbe topics = platform.topics;

        var gradeInadequate = topics.awaitRecords(EventStream.MODERATION.topic(),
                r -> r.event().type().equals("GradeInadequate") && r.key().equals(auditId)).get(0);
        var opened = topics.awaitRecords(EventStream.CONCERNS.topic(),
                r -> r.event().type().equals("CaseOfConcernOpened") && r.key().equals(caseOfConcernId)).get(0);
        for (int i = 0; i < 2; i++) {
            topics.send(EventStream.MODERATION.topic(), gradeInadequate.key(), gradeInadequate.value());
            topics.send(EventStream.CONCERNS.topic(), opened.key(), opened.value());
        }
        topics.awaitConsumed("concern-service", EventStream.MODERATION.topic());
        topics.awaitConsumed("notification-service", EventStream.CONCERNS.topic());
        topics.awaitConsumed("reporting-service", EventStream.CONCERNS.topic());

        List<?> open = platform.client(PlatformService.CONCERN, platform.demo(DemoJourney.SERVICE_MANAGER)).get()
                .uri("/cases-of-concern?localAuthority={la}", DemoJourney.COUNCIL).retrieve().body(List.class);
        assertThat(open).filteredOn(c -> auditId.equals(((Map<?, ?>) c).get("auditId"))).hasSize(1);
        assertThat(topics.readAll(EventStream.CONCERNS.topic()))
                .filteredOn(r -> r.key().equals(caseOfConcernId) && r.event().type().equals("CaseOfConcernOpened"))
                .hasSize(3);
        List<?> notifications = platform.client(PlatformService.NOTIFICATION, platform.demo(DemoJourney.SERVICE_MANAGER)).get()
                .uri("/notifications?localAuthority={la}&recipientId={id}", DemoJourney.COUNCIL, DemoJourney.SERVICE_MANAGER).retrieve().body(List.class);
        assertThat(notifications).filteredOn(n -> ((Map<?, ?>) n).get("subject").toString()
                        .startsWith("Case of concern " + caseOfConcernId))
                .singleElement().satisfies(n -> assertThat(((Map<?, ?>) n).get("status")).isEqualTo("SENT"));
        assertThat(emailsAbout(caseOfConcernId)).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                aggregatesOfTeam("cases-of-concern", teamOf("case-e2e-2"))).singleElement()
                .satisfies(a -> assertThat(counts(a)).containsEntry("OPENED", 1).containsEntry("OPEN", 1)));
    }

    @Test
    void aServiceKilledAfterSavingButBeforePublishingPublishesOnceRestarted() throws Exception {
        platform.restart(PlatformService.CONCERN, Map.of("caseqa.outbox.relay-enabled", "false"));
        String auditId = auditInadequately("case-e2e-3");
        String caseOfConcernId = "coc-" + auditId;
        try (MongoClient mongo = MongoClients.create(platform.mongoUri(PlatformService.CONCERN))) {
            var collection = mongo.getDatabase(platform.isolation + "-concern-service").getCollection("followUps");
            await().atMost(Duration.ofSeconds(60)).until(() -> collection.find(Filters.eq("_id", caseOfConcernId)).first() != null);
            Document saved = collection.find(Filters.eq("_id", caseOfConcernId)).first();
            assertThat(saved.getList("outbox", Document.class)).hasSize(2);
        }
        assertThat(platform.topics.readAll(EventStream.CONCERNS.topic()))
                .noneMatch(r -> caseOfConcernId.equals(r.key()));

        platform.restart(PlatformService.CONCERN, Map.of());

        var published = platform.topics.awaitEvents(EventStream.CONCERNS.topic(), "CaseOfConcernOpened",
                e -> e.subject().equals(caseOfConcernId));
        assertThat(published).hasSize(1);
        assertThat(((CaseOfConcernOpened) published.get(0).data()).auditId()).isEqualTo(auditId);
        assertThat(awaitEmailAbout(caseOfConcernId)).isNotNull();
    }

    @Test
    void thePanelReturnsAnAuditTheAuditorResubmitsAndItIsClosedWithOneGradeInadequate() throws Exception {
        String auditId = auditInadequately("case-e2e-4");
        RestClient moderation = platform.client(PlatformService.MODERATION, platform.demo(DemoJourney.QA_MANAGER));
        RestClient audits = platform.client(PlatformService.AUDIT, platform.demo(DemoJourney.QA_MANAGER));
        assertThat(awaitEmail(m -> m.getSubject().startsWith("Audit " + auditId + " of case case-e2e-4: your comments")))
                .satisfies(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("iro@council.example"));

        Map<?, ?> panel = moderation.post().uri("/panels").header("Authorization", platform.demo(DemoJourney.QA_MANAGER))
                .body(Map.of("localAuthority", DemoJourney.COUNCIL, "date", java.time.LocalDate.now().toString(),
                        "members", List.of(DemoJourney.QA_MANAGER, DemoJourney.HEAD_OF_SERVICE)))
                .retrieve().body(Map.class);
        String panelId = (String) panel.get("panelId");
        assertThat((List<?>) moderation.get().uri("/panels/{id}/queue", panelId).retrieve().body(List.class))
                .anySatisfy(m -> assertThat(((Map<?, ?>) m).get("auditId")).isEqualTo(auditId));
        moderation.post().uri("/panels/{p}/audits/{a}/return", panelId, auditId)
                .header("Authorization", platform.demo(DemoJourney.HEAD_OF_SERVICE))
                .body(Map.of("reason", "Say what the family said about the plan.")).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(60)).until(() -> "RETURNED".equals(
                audits.get().uri("/audits/{id}", auditId).retrieve().body(Map.class).get("status")));
        // the panel's note may hold case content: the email links to it instead of copying it
        assertThat(Mail.text(awaitEmail(m -> m.getSubject().equals("Audit " + auditId + " returned by the QA panel"))))
                .contains("/audits/" + auditId).doesNotContain("Say what the family said about the plan.");

        audits.post().uri("/audits/{id}/submission", auditId).header("Authorization", platform.demo(DemoJourney.AUDITOR))
                .body(Map.of("domainGrades", DemoJourney.everyDomain(audits, platform.demo(DemoJourney.QA_MANAGER), auditId, "INADEQUATE", Map.of()),
                        "overallGrade", "INADEQUATE", "rationale", "Resubmitted with the family's view.",
                        "familyFeedback", Map.of("respondentType", "PARENT", "wantsToHearWhatChanged", true),
                        "otherFeedback", DemoJourney.PRACTITIONER_FEEDBACK))
                .retrieve().toBodilessEntity();
        String moderatorId = (String) await().atMost(Duration.ofSeconds(60)).until(
                () -> moderation.get().uri("/moderations/{id}", auditId).retrieve().body(Map.class),
                m -> "AWAITING_DECISION".equals(m.get("status"))).get("moderatorId");
        moderation.post().uri("/moderations/{id}/decision", auditId).header("Authorization", platform.demo(moderatorId))
                .body(Map.of("rationale", "Agree.")).retrieve().toBodilessEntity();
        moderation.post().uri("/panels/{p}/audits/{a}/acceptance", panelId, auditId)
                .header("Authorization", platform.demo(DemoJourney.QA_MANAGER)).body(Map.of("findings", "Consistent now."))
                .retrieve().toBodilessEntity();
        moderation.post().uri("/moderations/{id}/close", auditId).header("Authorization", platform.demo(DemoJourney.QA_MANAGER))
                .retrieve().toBodilessEntity();

        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(
                audits.get().uri("/audits/{id}", auditId).retrieve().body(Map.class).get("status")));
        assertThat(platform.topics.readAll(EventStream.MODERATION.topic()))
                .filteredOn(r -> auditId.equals(r.key()) && r.event().type().equals("GradeInadequate")).hasSize(1);
        assertThat(platform.topics.readAll(EventStream.MODERATION.topic()))
                .filteredOn(r -> auditId.equals(r.key())).extracting(r -> r.event().type())
                .contains("IroCommentRequested", "AuditReturned", "AuditAcceptedByPanel", "AuditClosed");
    }

    @Test
    void theShortReAuditIsAllocatedToTheQaManagerAndAGoodResultClosesTheCaseOfConcern() {
        String auditId = auditInadequately("case-e2e-5");
        String caseOfConcernId = "coc-" + auditId;
        RestClient audits = platform.client(PlatformService.AUDIT, platform.demo(DemoJourney.QA_MANAGER));
        String shortAuditId = "short-" + caseOfConcernId + "-1";
        Map<?, ?> shortAudit = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> audits.get().uri("/audits/{id}", shortAuditId).retrieve().body(Map.class), a -> a != null);
        assertThat(shortAudit.get("auditorId")).isEqualTo(DemoJourney.QA_MANAGER);

        audits.post().uri("/audits/{id}/submission", shortAuditId).header("Authorization", platform.demo(DemoJourney.QA_MANAGER))
                .body(Map.of("domainGrades", DemoJourney.everyDomain(audits, platform.demo(DemoJourney.QA_MANAGER), shortAuditId, "GOOD", Map.of()),
                        "overallGrade", "GOOD", "rationale", "Plan now addresses the risks.",
                        "familyFeedback", Map.of("respondentType", "PARENT", "wantsToHearWhatChanged", true)))
                .retrieve().toBodilessEntity();

        assertThat(platform.topics.awaitEvents(EventStream.CONCERNS.topic(), "CaseOfConcernClosed",
                e -> e.subject().equals(caseOfConcernId))).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                aggregatesOfTeam("cases-of-concern", teamOf("case-e2e-5"))).singleElement()
                .satisfies(a -> assertThat(counts(a)).containsEntry("OPENED", 1).containsEntry("CLOSED_IMPROVED", 1)
                        .doesNotContainKey("OPEN")));
    }

    /** A test on a received email, which may throw as jakarta.mail's getters do. */
    interface MailCheck {
        boolean test(MimeMessage message) throws Exception;
    }

    private static MimeMessage awaitEmail(MailCheck matching) {
        java.util.function.Supplier<List<MimeMessage>> found = () -> Arrays.stream(platform.mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return matching.test(m);
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> !found.get().isEmpty());
        return found.get().get(0);
    }

    private static String auditInadequately(String caseId) {
        DemoJourney.publish(platform.infrastructure.kafkaAdminClient(), platform.isolation + ".",
                DemoJourney.upstreamEvents(DemoJourney.COUNCIL, caseId, teamOf(caseId)));
        // moderation-service's staff register is a background binding: an audit completed before its moderator pool
        // has the QA staff finds no moderator until the next search, ten minutes on
        platform.topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        return DemoJourney.auditInadequate(platform.identity, platform.url(PlatformService.AUDIT),
                platform.url(PlatformService.MODERATION), caseId);
    }

    /** Each story has its own team, so the board counts it asserts are its own. */
    private static String teamOf(String caseId) {
        return "team-of-" + caseId;
    }

    /** An aggregate's counts, as the REST API gives them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Object aggregate) {
        return (Map<String, Object>) ((Map<?, ?>) aggregate).get("counts");
    }

    /** The team's monthly aggregates of the measure, as the dashboard reads them. */
    private static List<?> aggregatesOfTeam(String measure, String teamId) {
        return platform.client(PlatformService.REPORTING, platform.demo(DemoJourney.SERVICE_MANAGER)).get()
                .uri("/board/aggregates?localAuthority={la}&measure={m}&breakdown=TEAM&value={team}&periodType=MONTH",
                        DemoJourney.COUNCIL, measure, teamId).retrieve().body(List.class);
    }

    @Test
    void theSeedStepGivesARunningDeploymentTheDemoCaseOfConcernOnce() {
        // the seed publishes its staff and case and acts on them in one call: published here first (the same event
        // ids and content, so the seed's own publication changes nothing), for moderation-service's background staff
        // register, which the earlier stories' urgent work may hold back; a deployment being seeded has no such work
        DemoJourney.publish(platform.infrastructure.kafkaAdminClient(), platform.isolation + ".",
                DemoJourney.upstreamEvents(DemoJourney.COUNCIL, DemoSeed.CASE_ID, DemoJourney.TEAM));
        platform.topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        String tokenUri = platform.identity.issuer() + "/oauth2/token";
        String first = DemoSeed.run(platform.infrastructure.kafkaAdminClient(), platform.isolation + ".", tokenUri,
                platform.url(PlatformService.AUDIT), platform.url(PlatformService.MODERATION));
        assertThat(first).contains("submitted Inadequate and moderated");
        String caseOfConcernId = first.substring(first.indexOf("coc-"));

        MimeMessage email = awaitEmailAbout(caseOfConcernId);
        assertThat(Mail.text(email)).contains(DemoSeed.CASE_ID);

        assertThat(DemoSeed.run(platform.infrastructure.kafkaAdminClient(), platform.isolation + ".", tokenUri,
                platform.url(PlatformService.AUDIT), platform.url(PlatformService.MODERATION)))
                .as("a second run of the seed step").contains("nothing to do");
    }

    private static MimeMessage awaitEmailAbout(String caseOfConcernId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !emailsAbout(caseOfConcernId).isEmpty());
        return emailsAbout(caseOfConcernId).get(0);
    }

    private static List<MimeMessage> emailsAbout(String caseOfConcernId) {
        return Arrays.stream(platform.mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("Case of concern " + caseOfConcernId + ":");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static Instant dueAt(List<?> deadlines, String kind) {
        return deadlines.stream().map(d -> (Map<?, ?>) d).filter(d -> kind.equals(d.get("kind")))
                .map(d -> Instant.parse((String) d.get("dueAt"))).findFirst().orElseThrow();
    }
}
