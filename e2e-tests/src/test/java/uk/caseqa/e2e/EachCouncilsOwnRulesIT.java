package uk.caseqa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EarlyHelpConcernEscalated;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.launcher.DemoJourney;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.testsupport.Mail;
import uk.caseqa.testsupport.MutableClock;

/**
 * One story per council through the five services, on Kafka, with one clock they all read, moved by the story: the
 * rules that differ by council, as the seeds state them (docs/seed-rules.md). Swindon's 2019 framework runs first, in
 * 2024; the clock then moves on to November 2026 for the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EachCouncilsOwnRulesIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-06-03T09:00:00Z"));
    static final Instant NOVEMBER_2026 = Instant.parse("2026-11-02T09:00:00Z");
    static Platform platform;

    @BeforeAll
    static void startThePlatform() {
        platform = new Platform(CLOCK);
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void swindon2019AsksTheIroFor72HoursAndGivesARequiresImprovementAuditItsShortAuditAfterTheQaPanel() {
        Council swindon = Council.of("swindon", "s19");
        swindon.staff("staff-qa-s19", StaffRole.QA_MANAGER);
        swindon.staff("staff-sm-s19", StaffRole.SERVICE_MANAGER);
        swindon.openCase("case-s19", Cohort.CIN, Duration.ZERO);
        // moderation-service's staff register is a background binding: its moderator pool and panel members may
        // wait out the earlier stories' urgent work, and an audit completed before them finds no moderator
        platform.topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        String auditId = swindon.allocate("case-s19", "staff-tm-s19", "staff-qa-s19");

        platform.topics.awaitEvents(EventStream.MODERATION.topic(), "IroCommentRequested",
                e -> e.subject().equals(auditId));
        swindon.submit(auditId, "staff-tm-s19", "REQUIRES_IMPROVEMENT", List.of());
        String moderator = swindon.awaitModerator(auditId);
        swindon.agree(auditId, moderator);
        platform.topics.awaitEvents(EventStream.MODERATION.topic(), "AuditModerated", e -> e.subject().equals(auditId));
        platform.topics.awaitConsumed("concern-service", EventStream.MODERATION.topic());
        assertThat(platform.topics.readAll(EventStream.CONCERNS.topic()))
                .as("000 Appendix 3: the short audit comes after the QA panel, not before")
                .noneMatch(r -> r.event().type().equals("ShortAuditScheduled") && r.key().equals("ri-" + auditId));

        Map<?, ?> panel = swindon.moderation().post().uri("/panels").header("Authorization", swindon.as("staff-qa-s19"))
                .body(Map.of("localAuthority", "swindon", "date", "2024-06-05",
                        "members", List.of("staff-qa-s19", "staff-sm-s19")))
                .retrieve().body(Map.class);
        swindon.moderation().post().uri("/panels/{p}/audits/{a}/acceptance", panel.get("panelId"), auditId)
                .header("Authorization", swindon.as("staff-qa-s19")).body(Map.of("findings", "Consistent grading."))
                .retrieve().toBodilessEntity();

        var scheduled = platform.topics.awaitEvents(EventStream.CONCERNS.topic(), "ShortAuditScheduled",
                e -> e.subject().equals("ri-" + auditId));
        assertThat(((ShortAuditScheduled) scheduled.get(0).data()).dueBy()).isEqualTo(CLOCK.instant()
                .plus(Duration.ofDays(42)));
        Map<?, ?> shortAudit = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> swindon.audits().get().uri("/audits/{id}", "short-ri-" + auditId + "-1").retrieve()
                        .body(Map.class), a -> a != null);
        assertThat(shortAudit.get("auditorId")).isEqualTo("staff-qa-s19");

        CLOCK.advance(Duration.ofHours(73));
        platform.topics.awaitEvents(EventStream.MODERATION.topic(), "IroCommentOverdue",
                e -> e.subject().equals(auditId));
    }

    @Test
    @Order(2)
    void boltonHearsThePractitionerAndAProfessionalAndClosesTheAuditWhenItIsModeratedWithNoPanel() throws Exception {
        CLOCK.set(NOVEMBER_2026);
        Council bolton = Council.of("bolton", "b");
        bolton.staff("staff-ql-b", StaffRole.QA_LEAD);
        bolton.staff("staff-hos-b", StaffRole.HEAD_OF_SERVICE);
        bolton.openCase("case-b", Cohort.CP, Duration.ZERO);
        // as in Swindon's story: the moderator pool is in moderation-service's background staff register
        platform.topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        String auditId = bolton.allocate("case-b", "staff-tm-b", "staff-ql-b");
        Instant allocatedAt = CLOCK.instant();

        ResponseEntity<Map> refused = bolton.audits().post().uri("/audits/{id}/submission", auditId)
                .header("Authorization", bolton.as("staff-tm-b")).body(Map.of("domainGrades", Map.of("childs-voice", "GOOD"),
                        "overallGrade", "GOOD", "rationale", "Good.", "familyFeedback", Map.of("respondentType", "PARENT")))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").toString()).as("002 §5, §3, §7")
                .contains("domainGrades.chronology", "otherFeedback.PRACTITIONER", "otherFeedback.PROFESSIONAL");
        bolton.submit(auditId, "staff-tm-b", "GOOD", List.of(
                Map.of("from", "PRACTITIONER", "summary", "The family are engaging."),
                Map.of("from", "PROFESSIONAL", "who", "health visitor", "summary", "Sees progress.")));

        var assigned = platform.topics.awaitEvents(EventStream.MODERATION.topic(), "ModerationAssigned",
                e -> e.subject().equals(auditId));
        assertThat(((ModerationAssigned) assigned.get(0).data()).dueBy())
                .as("002 §7.1: the moderation timescale given at allocation").isEqualTo(allocatedAt
                        .plus(Duration.ofDays(21 + 14)));
        // the email on closing names the social worker from the audit's completion, which notification-service
        // reads on a background binding: it has, before the moderation that closes the audit
        platform.topics.awaitConsumed("notification-service", EventStream.AUDITS.topic());
        bolton.agree(auditId, ((ModerationAssigned) assigned.get(0).data()).moderatorId());

        var closed = platform.topics.awaitEvents(EventStream.MODERATION.topic(), "AuditClosed",
                e -> e.subject().equals(auditId));
        assertThat(((AuditClosed) closed.get(0).data()).panelId()).as("002 §7.7: no QA panel").isNull();
        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(
                bolton.audits().get().uri("/audits/{id}", auditId).retrieve().body(Map.class).get("status")));
        assertThat(platform.topics.readAll(EventStream.MODERATION.topic()))
                .as("Bolton's framework sets no IRO comment window")
                .noneMatch(r -> r.key().equals(auditId) && r.event().type().equals("IroCommentRequested"));
        MimeMessage outcome = awaitEmail("sw-b@bolton.example", "Audit " + auditId + " of case case-b is closed");
        assertThat(Mail.text(outcome)).as("002 §7.5: the practitioner is told").contains("has completed its audit cycle");

        Map<?, ?> reflection = bolton.audits().post().uri("/audits/{id}/supervision-reflection", auditId)
                .header("Authorization", bolton.as("staff-tm-b")).body(Map.of("reflectedOn", "2026-11-02",
                        "note", "Reviewed the actions in supervision."))
                .retrieve().body(Map.class);
        assertThat(reflection.get("recordedBy")).as("002 §7.8").isEqualTo("staff-tm-b");
    }

    @Test
    @Order(3)
    void wandsworthsServiceManagerReAuditsAnInadequateCaseAndTheAuditClosesOnceModerated() {
        CLOCK.set(NOVEMBER_2026.plus(Duration.ofHours(1)));
        Council wandsworth = Council.of("wandsworth", "w");
        wandsworth.staff("staff-hoss-w", StaffRole.HEAD_OF_SAFEGUARDING_STANDARDS);
        wandsworth.staff("staff-sm-w", StaffRole.SERVICE_MANAGER);
        wandsworth.openCase("case-w", Cohort.CIN, Duration.ZERO);
        // as in Swindon's story: the moderator pool is in moderation-service's background staff register
        platform.topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        String auditId = wandsworth.allocate("case-w", "staff-tm-w", "staff-hoss-w");

        wandsworth.submit(auditId, "staff-tm-w", "INADEQUATE", List.of());
        String moderator = wandsworth.awaitModerator(auditId);
        assertThat(moderator).as("004 ¶29").isEqualTo("staff-hoss-w");
        wandsworth.agree(auditId, moderator);

        platform.topics.awaitEvents(EventStream.MODERATION.topic(), "AuditClosed", e -> e.subject().equals(auditId));
        var reAudit = platform.topics.awaitEvents(EventStream.CONCERNS.topic(), "ReAuditScheduled",
                e -> e.subject().equals("coc-" + auditId));
        assertThat(((ReAuditScheduled) reAudit.get(0).data()).reAuditBy()).as("004 ¶35")
                .isEqualTo(StaffRole.SERVICE_MANAGER);
        Map<?, ?> followUp = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> wandsworth.audits().get().uri("/audits/{id}", "short-coc-" + auditId + "-1").retrieve()
                        .body(Map.class), a -> a != null);
        assertThat(followUp.get("auditorId")).as("the case's own service manager").isEqualTo("staff-sm-w");
    }

    @Test
    @Order(4)
    void telfordAsksTheLeadAgencySendsAuditsToItsPanelUnmoderatedAndAnInadequateDipSampleOpensACaseOfConcern() {
        CLOCK.set(NOVEMBER_2026.plus(Duration.ofHours(2)));
        Council telford = Council.of("telford-and-wrekin", "t");
        telford.staff("staff-qa-t", StaffRole.QA_MANAGER);
        telford.openCase("case-t", Cohort.CLA, Duration.ZERO);
        telford.openCase("case-t2", Cohort.CIN, Duration.ZERO);
        // the dip sample below is allocated once, not retried: audit-service's case register (a background binding)
        // has case-t2 by then, whichever partition it is on
        platform.topics.awaitConsumed("audit-service", EventStream.CASES.topic());
        String auditId = telford.allocate("case-t", "staff-tm-t", "staff-qa-t");

        ResponseEntity<Map> refused = telford.audits().post().uri("/audits/{id}/submission", auditId)
                .header("Authorization", telford.as("staff-tm-t")).body(telford.submission(auditId, "GOOD", List.of()))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        assertThat(refused.getBody().get("errors").toString()).as("003: a lead agency involved")
                .contains("otherFeedback.LEAD_AGENCY");
        telford.submit(auditId, "staff-tm-t", "GOOD", List.of(Map.of("from", "LEAD_AGENCY", "who", "school",
                "summary", "Good joint working.")));
        platform.topics.awaitEvents(EventStream.MODERATION.topic(), "ModerationWaived", e -> e.subject().equals(auditId));
        await().atMost(Duration.ofSeconds(30)).until(() -> "AWAITING_PANEL".equals(telford.moderation().get()
                .uri("/moderations/{id}", auditId).retrieve().body(Map.class).get("status")));

        Map<?, ?> dip = telford.audits().post().uri("/audits").header("Authorization", telford.as("staff-qa-t"))
                .body(Map.of("caseId", "case-t2", "auditorId", "staff-tm-t", "auditType", "DIP_SAMPLE"))
                .retrieve().body(Map.class);
        String dipId = (String) dip.get("auditId");
        telford.audits().post().uri("/audits/{id}/submission", dipId).header("Authorization", telford.as("staff-tm-t"))
                .body(Map.of("domainGrades", Map.of("visits", "INADEQUATE"), "overallGrade", "INADEQUATE",
                        "rationale", "No visit for eight weeks.",
                        "familyFeedback", Map.of("notObtainedReason", "a dip sample of the file")))
                .retrieve().toBodilessEntity();

        var opened = platform.topics.awaitEvents(EventStream.CONCERNS.topic(), "CaseOfConcernOpened",
                e -> e.subject().equals("coc-" + dipId));
        assertThat(((CaseOfConcernOpened) opened.get(0).data()).caseId()).isEqualTo("case-t2");
    }

    @Test
    @Order(5)
    void swindonsEarlyHelpLeadSelectsTheMonthsAuditsAndThePanelsConcernAboutAnInadequateOneReachesTheDirector()
            throws Exception {
        CLOCK.set(NOVEMBER_2026.plus(Duration.ofHours(3)));
        Council swindon = Council.of("swindon", "eh");
        swindon.staff("staff-ehl", StaffRole.STRATEGIC_LEAD_EARLY_HELP);
        swindon.staff("staff-ehc", StaffRole.EARLY_HELP_COORDINATOR);
        swindon.staff("staff-ehm", StaffRole.EARLY_HELP_OPERATIONAL_MANAGER);
        swindon.staff("staff-qa-eh", StaffRole.QA_MANAGER);
        swindon.staff("staff-cd", StaffRole.CORPORATE_DIRECTOR);
        swindon.openCase("case-eh", Cohort.EARLY_HELP, Duration.ofDays(90));
        swindon.openCase("case-eh-new", Cohort.EARLY_HELP, Duration.ofDays(10));
        // audit-service's registers are background bindings: they may wait out the earlier stories' urgent work
        platform.topics.awaitConsumed("audit-service", EventStream.STAFF.topic());
        platform.topics.awaitConsumed("audit-service", EventStream.CASES.topic());
        // and so are concern-service's (the Early Help manager's review) and notification-service's (the Corporate
        // Director told of the escalation: a post nobody holds yet is recorded, not retried)
        platform.topics.awaitConsumed("concern-service", EventStream.STAFF.topic());
        platform.topics.awaitConsumed("notification-service", EventStream.STAFF.topic());

        ResponseEntity<Map> refused = swindon.audits().post().uri("/audit-cycles").header("Authorization", swindon.as("staff-ehc"))
                .body(Map.of("localAuthority", "swindon", "auditType", "EARLY_HELP")).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).as("000 §5: the Strategic Lead identifies them").isEqualTo(403);
        Map<?, ?> cycle = swindon.audits().post().uri("/audit-cycles").header("Authorization", swindon.as("staff-ehl"))
                .body(Map.of("localAuthority", "swindon", "auditType", "EARLY_HELP", "seed", 7)).retrieve()
                .body(Map.class);
        List<?> allocations = (List<?>) cycle.get("allocations");
        assertThat(allocations).singleElement().satisfies(a -> {
            assertThat(((Map<?, ?>) a).get("caseId")).as("open 2 months or more").isEqualTo("case-eh");
            assertThat(((Map<?, ?>) a).get("auditorId")).isIn("staff-ehc", "staff-ehm");
        });
        Map<?, ?> allocated = (Map<?, ?>) allocations.get(0);
        String auditId = (String) allocated.get("auditId");
        String auditor = (String) allocated.get("auditorId");

        swindon.submit(auditId, auditor, "INADEQUATE", List.of());
        swindon.agree(auditId, swindon.awaitModerator(auditId));
        var graded = platform.topics.awaitEvents(EventStream.MODERATION.topic(), "GradeInadequate",
                e -> e.subject().equals(auditId));
        assertThat(((GradeInadequate) graded.get(0).data()).auditType().name()).isEqualTo("EARLY_HELP");
        String caseOfConcernId = "coc-" + auditId;
        Map<?, ?> review = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> (Map<?, ?>) swindon.concerns().get().uri("/cases-of-concern/{id}", caseOfConcernId).retrieve()
                        .body(Map.class).get("earlyHelpReview"), r -> r != null);
        assertThat(review.get("outcome")).as("the triple lock").isEqualTo("PENDING");

        swindon.concerns().post().uri("/cases-of-concern/{id}/early-help-review", caseOfConcernId)
                .header("Authorization", swindon.as("staff-ehm")).body(Map.of("concerns", true)).retrieve().toBodilessEntity();

        var escalated = platform.topics.awaitEvents(EventStream.CONCERNS.topic(), "EarlyHelpConcernEscalated",
                e -> e.subject().equals(caseOfConcernId));
        assertThat(((EarlyHelpConcernEscalated) escalated.get(0).data()).escalateTo())
                .containsExactly(StaffRole.CORPORATE_DIRECTOR);
        assertThat(Mail.text(awaitEmail("cd@swindon.example", "Escalated by the Early Help panel: case of concern "
                + caseOfConcernId))).contains("Closing the Loop Steering Group");
    }

    /**
     * A council's people and cases for one story; every id carries the story's suffix, so stories do not meet. Each
     * council has a team manager ({@code staff-tm-<suffix>}), a social worker and a service of its own.
     */
    record Council(String id, String suffix) {

        static Council of(String id, String suffix) {
            Council council = new Council(id, suffix);
            council.staff("staff-tm-" + suffix, StaffRole.TEAM_MANAGER);
            council.staff("staff-sw-" + suffix, StaffRole.SOCIAL_WORKER);
            return council;
        }

        private static String emailOf(String staffId, String council) {
            return staffId.replaceFirst("^staff-", "") + "@" + council.replaceAll("-and-wrekin", "") + ".example";
        }

        void staff(String staffId, StaffRole role) {
            publish(staffId, new StaffMemberRegistered(staffId, role, "team-" + suffix, emailOf(staffId, id),
                    null, null, "svc-" + suffix), CLOCK.instant());
        }

        /** A case opened {@code ago}, in the story's team and service. */
        void openCase(String caseId, Cohort cohort, Duration ago) {
            publish(caseId, new CaseOpened(caseId, cohort, "svc-" + suffix, "team-" + suffix, "staff-sw-" + suffix,
                    "staff-tm-" + suffix, "staff-sm-" + suffix, "staff-iro-" + suffix), CLOCK.instant().minus(ago));
        }

        private void publish(String subject, EventPayload data, Instant time) {
            platform.topics.send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", time, subject, id,
                    "corr-" + subject, data));
        }

        /**
         * A person of this council, with a token from the authorization server. These stories are about each
         * council's rules, which the use cases enforce by who the person is; every person here holds every casework
         * role, so that a refusal below is the council's rule and not a missing role (the endpoint walks of each
         * service test the roles).
         */
        String as(String staffId) {
            return platform.as(id, staffId, "QA_TEAM", "AUDITOR", "MODERATOR", "IRO", "PANEL_MEMBER",
                    "SERVICE_MANAGER", "TEAM_MANAGER");
        }

        /** Clients that read as a QA reader of this council unless a request names its person. */
        RestClient audits() {
            return platform.client(PlatformService.AUDIT, as("staff-qa-reader"));
        }

        RestClient moderation() {
            return platform.client(PlatformService.MODERATION, as("staff-qa-reader"));
        }

        RestClient concerns() {
            return platform.client(PlatformService.CONCERN, as("staff-qa-reader"));
        }

        /** Allocates once audit-service knows the case and the auditor. */
        String allocate(String caseId, String auditorId, String by) {
            Map<?, ?> allocated = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                    () -> audits().post().uri("/audits").header("Authorization", as(by))
                            .body(Map.of("caseId", caseId, "auditorId", auditorId)).retrieve().body(Map.class),
                    a -> a != null && ((String) a.get("localAuthority")).equals(id));
            return (String) allocated.get("auditId");
        }

        Map<String, Object> submission(String auditId, String grade, List<Map<String, String>> otherFeedback) {
            return Map.of("domainGrades", DemoJourney.everyDomain(audits(), as("staff-qa-reader"), auditId, grade, Map.of()),
                    "overallGrade", grade, "rationale", "Graded with the social worker.",
                    "familyFeedback", Map.of("respondentType", "PARENT", "wantsToHearWhatChanged", true),
                    "otherFeedback", otherFeedback.isEmpty() && id.equals("swindon")
                            && CLOCK.instant().isAfter(Instant.parse("2024-10-01T00:00:00Z"))
                            ? DemoJourney.PRACTITIONER_FEEDBACK : otherFeedback);
        }

        void submit(String auditId, String by, String grade, List<Map<String, String>> otherFeedback) {
            audits().post().uri("/audits/{id}/submission", auditId).header("Authorization", as(by))
                    .body(submission(auditId, grade, otherFeedback)).retrieve().toBodilessEntity();
        }

        String awaitModerator(String auditId) {
            var assigned = platform.topics.awaitEvents(EventStream.MODERATION.topic(), "ModerationAssigned",
                    e -> e.subject().equals(auditId));
            return ((ModerationAssigned) assigned.get(0).data()).moderatorId();
        }

        void agree(String auditId, String moderatorId) {
            moderation().post().uri("/moderations/{id}/decision", auditId).header("Authorization", as(moderatorId))
                    .body(Map.of("rationale", "Agree.")).retrieve().toBodilessEntity();
        }
    }

    private static MimeMessage awaitEmail(String to, String subject) {
        java.util.function.Supplier<List<MimeMessage>> found = () -> Arrays.stream(platform.mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith(subject) && Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(to));
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> !found.get().isEmpty());
        return found.get().get(0);
    }
}
