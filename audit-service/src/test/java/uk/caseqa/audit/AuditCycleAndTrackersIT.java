package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/** A council's cycle over REST and Kafka: selection, the allocation tracker in Excel, overdue audits, the actions tracker. */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + AuditServiceApplication.CONFIG_NAME, "caseqa.audit.deadline-scan-interval=100ms"})
class AuditCycleAndTrackersIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));

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

    TopicProbe topics() {
        return TopicProbe.forPrefix(prefix);
    }

    RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    static <T extends EventPayload> EventEnvelope<T> event(String council, String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.parse("2025-01-01T00:00:00Z"),
                subject, council, "corr-" + subject, data);
    }

    static List<List<String>> rows(byte[] workbook) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.getStringCellValue()));
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void aCycleIsDrawnReproduciblyAllocatedOnKafkaListedInExcelAndOverdueAuditsRaisedOnce() throws Exception {
        String council = "telford-and-wrekin";
        for (int team = 0; team < 2; team++) {
            topics().send(event(council, "staff-tm-" + team, new StaffMemberRegistered("staff-tm-" + team,
                    StaffRole.TEAM_MANAGER, "team-" + team, "tm" + team + "@council.example")));
        }
        for (int i = 0; i < 6; i++) {
            topics().send(event(council, "case-t" + i, new CaseOpened("case-t" + i, Cohort.CIN, "svc-1",
                    "team-" + (i % 2), "staff-sw-" + i, "staff-tm-" + (i % 2), "staff-sm-1", null)));
        }
        topics().awaitConsumed("audit-service", EventStream.CASES.topic());
        topics().awaitConsumed("audit-service", EventStream.STAFF.topic());

        String qa = TestIssuer.bearerOf(council, "staff-qa-1", "QA_TEAM");
        Map<?, ?> cycle = http().post().uri("/audit-cycles").header("Authorization", qa)
                .body(Map.of("localAuthority", council, "seed", 20261116)).retrieve().body(Map.class);
        assertThat(cycle.get("cycleKey")).isEqualTo("2026-11");
        assertThat(((Number) cycle.get("seed")).longValue()).isEqualTo(20261116L);
        assertThat((List<?>) cycle.get("eligible")).hasSize(6);
        List<?> allocations = (List<?>) cycle.get("allocations");
        assertThat(allocations).hasSize(6);
        Map<?, ?> again = http().post().uri("/audit-cycles").header("Authorization", qa)
                .body(Map.of("localAuthority", council)).retrieve().body(Map.class);
        assertThat(again.get("allocations")).isEqualTo(allocations);

        var allocated = topics().awaitRecords(EventStream.AUDITS.topic(), r -> r.event().type().equals("AuditAllocated")
                && r.key().startsWith("audit-" + council));
        await().atMost(Duration.ofSeconds(30)).until(() -> topics().readAll(EventStream.AUDITS.topic()).stream()
                .filter(r -> r.event().type().equals("AuditAllocated") && r.key().startsWith("audit-" + council))
                .count() == 6);
        assertThat(allocated).isNotEmpty();

        List<List<String>> tracker = rows(http().get().uri("/allocation-tracker.xlsx?localAuthority={la}", council)
                .header("Authorization", qa).retrieve().body(byte[].class));
        assertThat(tracker.get(0)).containsExactly("Audit", "Case", "Cohort", "Team", "Auditor", "Allocated worker",
                "Team manager", "Moderator", "Completion due", "Moderation due", "Status");
        assertThat(tracker).hasSize(7);
        assertThat(tracker.subList(1, 7)).allSatisfy(row -> {
            assertThat(row.get(10)).isEqualTo("ALLOCATED");
            assertThat(row.get(4)).isNotEqualTo(row.get(5));
        });

        CLOCK.advance(Duration.ofDays(15));
        await().atMost(Duration.ofSeconds(30)).until(() -> topics().readAll(EventStream.AUDITS.topic()).stream()
                .filter(r -> r.event().type().equals("AuditOverdue") && r.key().startsWith("audit-" + council))
                .count() == 6);
        CLOCK.advance(Duration.ofDays(1));
        topics().awaitConsumed("audit-service", EventStream.CASES.topic());
        assertThat(topics().readAll(EventStream.AUDITS.topic()))
                .filteredOn(r -> r.event().type().equals("AuditOverdue") && r.key().startsWith("audit-" + council))
                .hasSize(6)
                .extracting(TopicProbe.Received::key).doesNotHaveDuplicates();
    }

    @Test
    void theQaTeamSetsAThematicAuditAndReallocatesOneOfItsAudits() {
        for (int team = 0; team < 2; team++) {
            topics().send(event("bolton", "staff-tm-b" + team, new StaffMemberRegistered("staff-tm-b" + team,
                    StaffRole.TEAM_MANAGER, "team-b" + team, "tmb" + team + "@council.example")));
        }
        for (int i = 0; i < 3; i++) {
            topics().send(event("bolton", "case-b" + i, new CaseOpened("case-b" + i, Cohort.CLA, "svc-1", "team-b0",
                    "staff-sw-b" + i, "staff-tm-b0", "staff-sm-1", null)));
        }
        topics().send(event("bolton", "case-b9", new CaseOpened("case-b9", Cohort.CP, "svc-1", "team-b0",
                "staff-sw-b9", "staff-tm-b0", "staff-sm-1", null)));
        topics().awaitConsumed("audit-service", EventStream.CASES.topic());
        topics().awaitConsumed("audit-service", EventStream.STAFF.topic());

        String boltonQa = TestIssuer.bearerOf("bolton", "staff-qa-1", "QA_TEAM");
        List<?> thematic = http().post().uri("/audits/thematic").header("Authorization", boltonQa)
                .body(Map.of("localAuthority", "bolton", "theme", "Life story work", "cohort", "CLA", "maxCases", 10,
                        "auditorIds", List.of("staff-tm-b0", "staff-tm-b1"))).retrieve().body(List.class);
        assertThat(thematic).hasSize(3).allSatisfy(a -> assertThat(((Map<?, ?>) a).get("auditId").toString())
                .startsWith("thematic-bolton.life-story-work-case-b"));

        String auditId = (String) ((Map<?, ?>) thematic.get(0)).get("auditId");
        Map<?, ?> reallocated = http().post().uri("/audits/{id}/reallocation", auditId).header("Authorization", boltonQa)
                .body(Map.of("auditorId", "staff-tm-b1")).retrieve().body(Map.class);
        assertThat(reallocated.get("auditorId")).isEqualTo("staff-tm-b1");
        await().atMost(Duration.ofSeconds(30)).until(() -> topics().readAll(EventStream.AUDITS.topic()).stream()
                .filter(r -> auditId.equals(r.key()) && r.event().type().equals("AuditAllocated")).count() == 2);
    }

    @Test
    void swindonRefusesAnAuditWithoutFamilyFeedbackFieldByFieldAndTheActionsTrackerOpensInExcel() throws Exception {
        topics().send(event("swindon", "staff-tm-s", new StaffMemberRegistered("staff-tm-s", StaffRole.TEAM_MANAGER,
                "team-s", "tms@council.example")));
        topics().send(event("swindon", "case-s1", new CaseOpened("case-s1", Cohort.CP, "svc-1", "team-s",
                "staff-sw-s", "staff-tm-s", "staff-sm-1", "staff-iro-1")));
        topics().awaitConsumed("audit-service", EventStream.CASES.topic());
        topics().awaitConsumed("audit-service", EventStream.STAFF.topic());
        String qa = TestIssuer.bearerOf("swindon", "staff-qa-1", "QA_TEAM");
        String auditor = TestIssuer.bearerOf("swindon", "staff-tm-s", "TEAM_MANAGER", "AUDITOR");
        Map<?, ?> audit = http().post().uri("/audits").header("Authorization", qa)
                .body(Map.of("caseId", "case-s1", "auditorId", "staff-tm-s")).retrieve().body(Map.class);
        String auditId = (String) audit.get("auditId");
        http().put().uri("/audits/{id}/draft", auditId).header("Authorization", auditor)
                .body(Map.of("rationale", "half written")).retrieve().toBodilessEntity();
        assertThat(http().get().uri("/audits/{id}/draft", auditId).header("Authorization", auditor).retrieve().body(Map.class).get("rationale"))
                .isEqualTo("half written");

        Map<String, Object> submission = Map.of("domainGrades", Map.of("chronology", "REQUIRES_IMPROVEMENT"),
                "overallGrade", "REQUIRES_IMPROVEMENT", "rationale", "Chronology out of date.",
                "familyFeedback", Map.of("notObtainedReason", "no reply to three calls"),
                "actions", List.of(Map.of("what", "Update the chronology", "ownerId", "staff-sw-s",
                        "dueOn", "2026-12-01", "immediate", false)));
        var refused = http().post().uri("/audits/{id}/submission", auditId).header("Authorization", auditor)
                .body(submission).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").toString()).contains("familyFeedback.respondentType")
                .contains("domainGrades.consent").contains("otherFeedback.PRACTITIONER");
        assertThat(http().get().uri("/audits/{id}", auditId).header("Authorization", qa).retrieve().body(Map.class).get("status"))
                .isEqualTo("ALLOCATED");

        Map<String, Object> withFeedback = new java.util.HashMap<>(submission);
        withFeedback.put("familyFeedback", Map.of("respondentType", "CHILD", "wantsToHearWhatChanged", true));
        withFeedback.put("domainGrades", TemplateForm.everyDomain(http(), auditor, auditId, "GOOD",
                Map.of("chronology", "REQUIRES_IMPROVEMENT")));
        withFeedback.put("otherFeedback", TemplateForm.PRACTITIONER);
        http().post().uri("/audits/{id}/submission", auditId).header("Authorization", auditor).body(withFeedback)
                .retrieve().toBodilessEntity();
        http().post().uri("/audits/{id}/actions/{a}/completion", auditId, auditId + "-a1")
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-sw-s", "PRACTITIONER")).body(Map.of("evidence", "Chronology updated 20/11"))
                .retrieve().toBodilessEntity();

        List<List<String>> actions = rows(http().get().uri("/actions.xlsx").header("Authorization", qa).retrieve()
                .body(byte[].class));
        assertThat(actions.get(0)).startsWith("Audit", "Action", "Case");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(1)).contains(auditId + "-a1", "Update the chronology", "COMPLETED",
                "Chronology updated 20/11");
        Map<?, ?> sample = http().post().uri("/action-verification-samples").header("Authorization", qa)
                .body(Map.of("localAuthority", "swindon", "size", 5)).retrieve().body(Map.class);
        assertThat((List<?>) sample.get("actions")).hasSize(1);
    }
}
