package uk.caseqa.launcher;

import uk.caseqa.identity.Bearers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;

/**
 * A small demo data set: staff and a child's case published as an operational system would, then an audit allocated,
 * submitted Inadequate and moderated over the services' REST APIs. Identifiers only; nothing is anyone's real data.
 */
public final class DemoJourney {

    private static final Logger log = LoggerFactory.getLogger(DemoJourney.class);
    public static final String COUNCIL = "swindon";
    public static final String TEAM = "team-north";
    public static final String SERVICE_MANAGER = "staff-sm-demo";
    public static final String AUDITOR = "staff-tm-demo";
    public static final String HEAD_OF_SERVICE = "staff-hos-demo";
    public static final String IRO = "staff-iro-demo";
    public static final String QA_MANAGER = "staff-qa-demo";

    private DemoJourney() {
    }

    /** The inbound events: five members of staff and one open case. Fixed ids, so a re-run is a no-op downstream. */
    public static List<EventEnvelope<? extends EventPayload>> upstreamEvents(String council, String caseId,
            String teamId) {
        return List.of(
                staff(council, "1", SERVICE_MANAGER, StaffRole.SERVICE_MANAGER, "service.manager@council.example",
                        "Sam Okafor", "Service Manager, Safeguarding"),
                staff(council, "2", AUDITOR, StaffRole.TEAM_MANAGER, "team.manager@council.example",
                        "Priya Shah", "Team Manager, South"),
                staff(council, "3", HEAD_OF_SERVICE, StaffRole.HEAD_OF_SERVICE, "head.of.service@council.example",
                        "Jo Bennett", "Head of Service, Safeguarding"),
                staff(council, "5", IRO, StaffRole.IRO, "iro@council.example", "Alex Morgan",
                        "Independent Reviewing Officer"),
                staff(council, "4", QA_MANAGER, StaffRole.QA_MANAGER, "qa.manager@council.example", "Chris Lee",
                        "Quality Assurance Manager"),
                EventEnvelope.of(fixedId(council, caseId), "urn:caseqa:case-management", Instant.now(), caseId,
                        council, "demo-" + caseId, new CaseOpened(caseId, Cohort.CP, "svc-safeguarding",
                                teamId, "staff-sw-demo", "staff-tm-north", SERVICE_MANAGER, "staff-iro-demo")));
    }

    private static EventEnvelope<StaffMemberRegistered> staff(String council, String n, String id, StaffRole role,
            String email, String name, String post) {
        return EventEnvelope.of(fixedId(council, id), "urn:caseqa:hr", Instant.now(), id, council, "demo-staff-" + n,
                new StaffMemberRegistered(id, role, "team-south", email, name, post, "svc-safeguarding"));
    }

    private static String fixedId(String council, String subject) {
        return UUID.nameUUIDFromBytes((council + "/" + subject).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Sends the events as a case system would, with a client signed in ({@code client}: its properties). */
    public static void publish(Map<String, Object> client, String topicPrefix,
            List<EventEnvelope<? extends EventPayload>> events) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (EventEnvelope<? extends EventPayload> event : events) {
                producer.send(new ProducerRecord<>(topicPrefix + event.eventType().stream().topicFor(
                        event.localAuthority()),
                        event.subject().getBytes(StandardCharsets.UTF_8), EventJson.write(event)));
            }
            producer.flush();
        }
    }

    /** The allocated social worker's view, which Swindon's and Bolton's audits record (001 §3, 002 §7). */
    public static final List<Map<String, String>> PRACTITIONER_FEEDBACK = List.of(Map.of("from", "PRACTITIONER",
            "who", "staff-sw-demo", "summary", "The family have engaged since the new plan."));

    /**
     * A grade for every domain of the audit's template, as the form rendered from it gives (every domain is graded):
     * {@code grade} unless {@code others} names the domain.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, String> everyDomain(RestClient audit, String bearer, String auditId, String grade,
            Map<String, String> others) {
        Map<String, Object> template = audit.get().uri("/audits/{id}/template", auditId)
                .header("Authorization", bearer).retrieve().body(Map.class);
        Map<String, String> grades = new java.util.LinkedHashMap<>();
        for (Map<String, Object> domain : (List<Map<String, Object>>) template.get("domains")) {
            String key = (String) domain.get("key");
            grades.put(key, others.getOrDefault(key, grade));
        }
        return grades;
    }

    /** Allocate, submit Inadequate, moderate (agree): the staff's side of the journey, over REST. Returns the audit id. */
    @SuppressWarnings("unchecked")
    public static String auditInadequate(Bearers bearers, String auditUrl, String moderationUrl, String caseId) {
        RestClient audit = RestClient.create(auditUrl);
        String qa = bearers.of(COUNCIL, QA_MANAGER, "QA_TEAM", "PANEL_MEMBER", "MODERATOR");
        String auditor = bearers.of(COUNCIL, AUDITOR, "AUDITOR", "TEAM_MANAGER");
        Map<String, Object> allocated = Retry.until(() -> audit.post().uri("/audits").header("Authorization", qa)
                .body(Map.of("caseId", caseId, "auditorId", AUDITOR)).retrieve().body(Map.class));
        String auditId = (String) allocated.get("auditId");
        audit.post().uri("/audits/{id}/submission", auditId).header("Authorization", auditor)
                .body(Map.of("domainGrades", everyDomain(audit, auditor, auditId, "REQUIRES_IMPROVEMENT",
                                Map.of("management-oversight", "INADEQUATE", "chronology", "INADEQUATE")),
                        "overallGrade", "INADEQUATE",
                        "rationale", "The plan does not address the risks identified at the last strategy meeting.",
                        "familyFeedback", Map.of("respondentType", "PARENT", "treatedWell", "yes",
                                "madeADifference", "not yet", "wantsToHearWhatChanged", true),
                        "otherFeedback", PRACTITIONER_FEEDBACK))
                .retrieve().toBodilessEntity();
        RestClient moderation = RestClient.create(moderationUrl);
        String moderatorId = Retry.until(() -> {
            Map<String, Object> assigned = moderation.get().uri("/moderations/{id}", auditId)
                    .header("Authorization", qa).retrieve().body(Map.class);
            if (!"AWAITING_DECISION".equals(assigned.get("status"))) {
                throw new IllegalStateException("no moderator assigned yet to " + auditId);
            }
            return (String) assigned.get("moderatorId");
        });
        moderation.post().uri("/moderations/{id}/decision", auditId)
                .header("Authorization", bearers.of(COUNCIL, moderatorId, "MODERATOR", "SERVICE_MANAGER", "PANEL_MEMBER"))
                .body(Map.of("rationale", "Agree: planning and oversight are inadequate."))
                .retrieve().body(Map.class);
        log.info("demo journey: audit {} of {} submitted Inadequate and moderated by {}", auditId, caseId, moderatorId);
        return auditId;
    }
}
