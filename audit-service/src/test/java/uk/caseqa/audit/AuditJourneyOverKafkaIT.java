package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.WithRealInfrastructure;

@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + AuditServiceApplication.CONFIG_NAME)
class AuditJourneyOverKafkaIT {

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    CaseRegistry cases;


    TopicProbe topics() {
        return TopicProbe.forPrefix(prefix);
    }

    static <T extends uk.caseqa.contracts.EventPayload> EventEnvelope<T> inbound(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), subject, "swindon",
                "corr-" + subject, data);
    }

    @Test
    void aCaseOpenedUpstreamIsAllocatedSubmittedAndPublishedAsAuditCompleted() {
        topics().send(inbound("staff-tm-7", new StaffMemberRegistered("staff-tm-7", StaffRole.TEAM_MANAGER, "team-south",
                "tm7@council.example")));
        topics().send(inbound("case-1", new CaseOpened("case-1", Cohort.CP, "svc-1", "team-north", "staff-sw-1",
                "staff-tm-1", "staff-sm-1", "staff-iro-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-1").isPresent());
        RestClient http = RestClient.create("http://localhost:" + port);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.post().uri("/audits")
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-qa-1", "QA_TEAM")).body(Map.of("caseId", "case-1", "auditorId", "staff-tm-7"))
                .retrieve().toEntity(Map.class).getStatusCode().value() == 201);
        String auditId = (String) http.get().uri("/audits?caseId=case-1")
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-qa-1", "QA_TEAM")).retrieve()
                .body(List.class).stream()
                .map(a -> ((Map<?, ?>) a).get("auditId")).findFirst().orElseThrow();
        http.post().uri("/audits/{id}/submission", auditId).header("Authorization", TestIssuer.bearerOf("swindon", "staff-tm-7", "TEAM_MANAGER", "AUDITOR"))
                .body(Map.of("domainGrades", TemplateForm.everyDomain(http,
                                TestIssuer.bearerOf("swindon", "staff-tm-7", "AUDITOR"), auditId, "REQUIRES_IMPROVEMENT",
                                Map.of("chronology", "INADEQUATE")), "overallGrade", "INADEQUATE",
                        "rationale", "No plan addresses the risks identified.",
                        "familyFeedback", Map.of("respondentType", "PARENT", "wantsToHearWhatChanged", true),
                        "otherFeedback", TemplateForm.PRACTITIONER))
                .retrieve().toBodilessEntity();

        var completed = topics().awaitEvents(EventStream.AUDITS.topic(), "AuditCompleted",
                e -> e.subject().equals(auditId));
        AuditCompleted data = (AuditCompleted) completed.get(0).data();
        assertThat(data.overallGrade()).isEqualTo(Grade.INADEQUATE);
        assertThat(data.serviceManagerId()).isEqualTo("staff-sm-1");
        assertThat(completed.get(0).localAuthority()).isEqualTo("swindon");
        assertThat(topics().awaitEvents(EventStream.AUDITS.topic(), "AuditAllocated", e -> e.subject().equals(auditId)))
                .hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseIdTwoCouncilsShareIsAllocatedInTheCouncilOfTheCallersTokenAndNoOther() {
        for (String council : List.of("swindon", "bolton")) {
            topics().send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), "case-twin",
                    council, "corr-twin", new CaseOpened("case-twin", Cohort.CP, "svc-" + council, "team-" + council,
                            "staff-sw-1", "staff-tm-1", "staff-sm-" + council, null)));
            topics().send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), "staff-tm-8",
                    council, "corr-tm-8", new StaffMemberRegistered("staff-tm-8", StaffRole.TEAM_MANAGER, "team-x",
                            "tm8@" + council + ".example")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-twin").isPresent()
                && cases.find("bolton", "case-twin").isPresent());
        RestClient http = RestClient.create("http://localhost:" + port);

        var swindonNamingBolton = http.post().uri("/audits")
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-qa-1", "QA_TEAM"))
                .body(Map.of("caseId", "case-twin", "auditorId", "staff-tm-8", "localAuthority", "bolton")).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        assertThat(swindonNamingBolton.getStatusCode().value()).as("Swindon's QA team cannot act in Bolton")
                .isEqualTo(404);

        Map<String, Object> bolton = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.post()
                .uri("/audits").header("Authorization", TestIssuer.bearerOf("bolton", "staff-qa-1", "QA_TEAM"))
                .body(Map.of("caseId", "case-twin", "auditorId", "staff-tm-8")).retrieve().body(Map.class),
                a -> a != null);
        assertThat(bolton.get("localAuthority")).isEqualTo("bolton");
        var allocated = topics().awaitEvents(EventStream.AUDITS.topic(), "AuditAllocated",
                e -> e.subject().equals(bolton.get("auditId")));
        assertThat(allocated.get(0).localAuthority()).isEqualTo("bolton");
        assertThat(cases.find("swindon", "case-twin")).get().satisfies(c -> assertThat(c.serviceManagerId())
                .as("Bolton's case never overwrote Swindon's").isEqualTo("staff-sm-swindon"));
    }

    @Test
    void aCaseFromACouncilThisDeploymentDoesNotServeIsDeadLetteredAndNeverRecorded() {
        // no topic is read for a council not served: misspelt, on a served council's topic, it is refused by name
        topics().send(EventStream.CASES.topicFor("swindon"), "case-elsewhere", EventJson.writeString(EventEnvelope.of(
                UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), "case-elsewhere", "swindn",
                "corr-elsewhere", new CaseOpened("case-elsewhere", Cohort.CP, "svc-1", "team-north", "staff-sw-1",
                        "staff-tm-1", "staff-sm-1", null))));
        topics().send(inbound("case-3", new CaseOpened("case-3", Cohort.CIN, "svc-1", "team-north", "staff-sw-3",
                "staff-tm-1", "staff-sm-1", null)));

        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-3").isPresent());
        var dead = topics().awaitRecords(EventStream.CASES.topic() + ".audit-service.dlq",
                r -> "case-elsewhere".equals(r.key()));
        assertThat(dead.get(0).headers().get("x-exception-message"))
                .contains("'swindn' is not a council this deployment serves");
        assertThat(cases.find("swindon", "case-elsewhere")).isEmpty();
    }

    @Test
    void aMalformedCaseEventIsDeadLetteredWithItsReasonAndTheNextOneIsRecorded() {
        topics().send(EventStream.CASES.topicFor("swindon"), "case-bad",
                "{\"type\":\"CaseOpened\", \"subject\":\"case-bad\", \"childName\":\"Jane Example\" this is not json");
        topics().send(inbound("case-2", new CaseOpened("case-2", Cohort.CIN, "svc-1", "team-north", "staff-sw-2",
                "staff-tm-1", "staff-sm-1", null)));

        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-2").isPresent());
        var dead = topics().awaitRecords(EventStream.CASES.topic() + ".audit-service.dlq", r -> "case-bad".equals(r.key()));
        assertThat(dead.get(0).headers().get("x-exception-message")).contains("not well-formed JSON");
        assertThat(dead.get(0).headers()).containsKey(uk.caseqa.messaging.inbound.DeadLetterValues.REDACTED);
        assertThat(dead.get(0).value()).as("identifiers and the reason only: not what the refused message carried")
                .doesNotContain("Jane Example").contains("refused as invalid");
    }

    @Test
    void aSubmissionWithoutARationaleGetsFieldErrorsAndChangesNothing() {
        RestClient http = RestClient.create("http://localhost:" + port);
        var response = http.post().uri("/audits/{id}/submission", "audit-unknown").header("Authorization", TestIssuer.bearerOf("swindon", "staff-tm-7", "TEAM_MANAGER", "AUDITOR"))
                .body(Map.of("domainGrades", Map.of(), "overallGrade", "GOOD", "familyFeedback", Map.of()))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsKey("errors");
        assertThat(response.getBody().get("errors").toString()).contains("rationale").contains("domainGrades");
    }
}
