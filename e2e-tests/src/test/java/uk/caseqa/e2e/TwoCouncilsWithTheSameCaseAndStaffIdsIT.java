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
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.launcher.DemoJourney;
import uk.caseqa.launcher.PlatformService;

/**
 * Swindon's and Bolton's systems number alike: each opens case-1 and registers staff-sm-1, staff-tm-1 and staff-qa-1,
 * who are different people. Both councils audit their case-1 Inadequate through the five services: each case of
 * concern names its own council's service and service manager, and each service manager, only, is emailed about
 * their own council's child (before, Bolton's CaseOpened overwrote Swindon's case, and Bolton's manager was told).
 */
class TwoCouncilsWithTheSameCaseAndStaffIdsIT {

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

    static void publish(String council, String subject, EventPayload data) {
        platform.topics.send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:" + council, Instant.now(),
                subject, council, "corr-" + council + "-" + subject, data));
    }

    static void staff(String council, String staffId, StaffRole role) {
        publish(council, staffId, new StaffMemberRegistered(staffId, role, "team-" + council,
                staffId.replaceFirst("^staff-", "") + "@" + council + ".example", null, null, "svc-" + council));
    }

    @Test
    void eachCouncilsInadequateAuditOfItsCaseOneReachesOnlyItsOwnServiceManager() {
        for (String council : List.of("swindon", "bolton")) {
            staff(council, "staff-sm-1", StaffRole.SERVICE_MANAGER);
            staff(council, "staff-tm-1", StaffRole.TEAM_MANAGER);
            staff(council, "staff-qa-1", council.equals("swindon") ? StaffRole.QA_MANAGER : StaffRole.QA_LEAD);
            staff(council, "staff-hos-1", StaffRole.HEAD_OF_SERVICE);
            publish(council, "case-1", new CaseOpened("case-1", Cohort.CP, "svc-" + council, "team-" + council,
                    "staff-sw-1", "staff-tm-1", "staff-sm-1", null));
        }
        // moderation-service's staff register is a background binding: an audit completed before its moderator pool
        // has the QA staff finds no moderator until the next search, ten minutes on
        platform.topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        String swindonAudit = auditInadequate("swindon");
        String boltonAudit = auditInadequate("bolton");

        for (var council : Map.of("swindon", swindonAudit, "bolton", boltonAudit).entrySet()) {
            Map<?, ?> caseOfConcern = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                    () -> platform.client(PlatformService.CONCERN,
                                    platform.as(council.getKey(), "staff-sm-1", "SERVICE_MANAGER")).get()
                            .uri("/cases-of-concern/{id}", "coc-" + council.getValue()).retrieve().body(Map.class),
                    c -> c != null);
            assertThat(caseOfConcern.get("localAuthority")).isEqualTo(council.getKey());
            assertThat(caseOfConcern.toString()).contains("svc-" + council.getKey())
                    .doesNotContain("svc-" + (council.getKey().equals("swindon") ? "bolton" : "swindon"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> told("sm-1@swindon.example", swindonAudit)
                && told("sm-1@bolton.example", boltonAudit));
        assertThat(told("sm-1@bolton.example", swindonAudit)).as("Bolton's manager about Swindon's child").isFalse();
        assertThat(told("sm-1@swindon.example", boltonAudit)).as("Swindon's manager about Bolton's child").isFalse();
    }

    static String auditInadequate(String council) {
        RestClient audits = RestClient.create(platform.url(PlatformService.AUDIT));
        String auditor = platform.as(council, "staff-tm-1", "AUDITOR", "TEAM_MANAGER");
        Map<?, ?> allocated = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> audits.post()
                .uri("/audits").header("Authorization", platform.as(council, "staff-qa-1", "QA_TEAM"))
                .body(Map.of("caseId", "case-1", "auditorId", "staff-tm-1")).retrieve().body(Map.class),
                a -> a != null);
        assertThat(allocated.get("localAuthority")).isEqualTo(council);
        String auditId = (String) allocated.get("auditId");
        audits.post().uri("/audits/{id}/submission", auditId).header("Authorization", auditor)
                .body(Map.of("domainGrades", DemoJourney.everyDomain(audits, auditor, auditId, "INADEQUATE", Map.of()),
                        "overallGrade", "INADEQUATE", "rationale", "No plan addresses the risks.",
                        "familyFeedback", Map.of("respondentType", "PARENT"),
                        "otherFeedback", List.of(Map.of("from", "PRACTITIONER", "summary", "Engaging."),
                                Map.of("from", "PROFESSIONAL", "who", "school", "summary", "Concerned."))))
                .retrieve().toBodilessEntity();
        var assigned = platform.topics.awaitEvents(EventStream.MODERATION.topic(), "ModerationAssigned",
                e -> e.subject().equals(auditId));
        String moderator = ((ModerationAssigned) assigned.get(0).data()).moderatorId();
        RestClient.create(platform.url(PlatformService.MODERATION)).post().uri("/moderations/{id}/decision", auditId)
                .header("Authorization", platform.as(council, moderator, "MODERATOR")).body(Map.of("rationale", "Agree.")).retrieve().toBodilessEntity();
        return auditId;
    }

    static boolean told(String address, String auditId) {
        return Arrays.stream(platform.mail.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject().startsWith("Case of concern coc-" + auditId + ":")
                        && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });
    }
}
