package uk.caseqa.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ModerationServiceApplication.CONFIG_NAME,
        "caseqa.moderation.deadline-scan-interval=100ms"})
class ModerationOverKafkaIT {

    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);

    static final ConverterAskedAboutReceivedRecords CONVERTER = new ConverterAskedAboutReceivedRecords();

    @TestConfiguration
    static class MovedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        MessageConverter converterAskedAboutReceivedRecords() {
            return CONVERTER;
        }
    }

    /**
     * A message converter that converts nothing and counts the records received from Kafka it is asked about. Spring
     * Cloud Function asks its application's own converters first, before its own JSON and byte[] ones.
     */
    static final class ConverterAskedAboutReceivedRecords implements MessageConverter {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Object fromMessage(Message<?> message, Class<?> targetClass) {
            if (message.getHeaders().containsKey(KafkaHeaders.RECEIVED_TOPIC)) {
                asked.incrementAndGet();
            }
            return null;
        }

        @Override
        public Message<?> toMessage(Object payload, MessageHeaders headers) {
            return null;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    StreamBridge streams;
    @Value("${caseqa.topic-prefix}")
    String prefix;

    TopicProbe topics() {
        return TopicProbe.forPrefix(prefix);
    }

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", CLOCK.instant(), subject, "bolton",
                "corr-" + subject, data);
    }

    /** Swindon asks the IRO / CP chair for comments within 72 hours (000 Appendix 1); Bolton does not (002 §7). */
    static <T extends EventPayload> EventEnvelope<T> allocatedUnderSwindons2019Framework(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.parse("2024-09-30T09:00:00Z"),
                subject, "swindon", "corr-" + subject, data);
    }

    @Test
    void aReceivedEventReachesItsConsumerAsTheBytesItCameAsWithNoConversionTried() {
        topics().send(allocatedUnderSwindons2019Framework("audit-b1", new AuditAllocated("audit-b1", "case-b1",
                "staff-tm-7", "staff-qa-1", START.plus(Duration.ofDays(14)), "staff-iro-1")));

        topics().awaitEvents(EventStream.MODERATION.topic(), "IroCommentRequested", e -> e.subject().equals("audit-b1"));
        assertThat(CONVERTER.asked).as("records received, each read by EventJson from its bytes (native decoding)")
                .hasValue(0);
    }

    @Test
    void anUnreadableAuditEventIsDeadLetteredWithItsReasonTheNextOneIsHandledAndLaterProducersWriteWhatTheyAreGiven() {
        // the same key as the good one after it, so the same partition: the bad one is behind it, not beside it
        topics().send(EventStream.AUDITS.topic(), "audit-b2", "{\"type\":\"AuditAllocated\", this is not json");
        topics().send(allocatedUnderSwindons2019Framework("audit-b2", new AuditAllocated("audit-b2", "case-b2",
                "staff-tm-7", "staff-qa-1", START.plus(Duration.ofDays(14)), "staff-iro-1")));

        topics().awaitEvents(EventStream.MODERATION.topic(), "IroCommentRequested", e -> e.subject().equals("audit-b2"));
        // the service's own dead letters: also a topic it may write and nothing here reads as events (below)
        String deadLetters = EventStream.AUDITS.topic() + ".moderation-service.dlq";
        var dead = topics().awaitRecords(deadLetters, r -> "audit-b2".equals(r.key()));
        assertThat(dead.get(0).headers().get("x-exception-message")).contains("not well-formed JSON");

        // With native decoding the binder merges the dead-letter producer's settings (DeadLetterValues, which keeps
        // a valid event as it is and anything else as identifiers only) into its own shared ones: a producer it makes
        // afterwards must still write the bytes it is given, whatever they are
        String sent = "{\"written\": \"as given, after a dead letter\"}";
        String topic = topics().topic(deadLetters);
        streams.send(topic, MessageBuilder.withPayload(sent.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, "after-a-dead-letter".getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json").build());
        var written = topics().awaitRecords(deadLetters, r -> "after-a-dead-letter".equals(r.key()));
        assertThat(written.get(0).value()).isEqualTo(sent);
    }

    @Test
    void theIroIsAskedOnAllocationAndAMissed72HourWindowIsOverdueOnce() {
        topics().send(event("audit-i0", new AuditAllocated("audit-i0", "case-0", "staff-tm-7", "staff-qa-1",
                START.plus(Duration.ofDays(14)), "staff-iro-1")));
        topics().send(allocatedUnderSwindons2019Framework("audit-i1", new AuditAllocated("audit-i1", "case-1", "staff-tm-7", "staff-qa-1",
                START.plus(Duration.ofDays(14)), "staff-iro-1")));
        topics().awaitEvents(EventStream.MODERATION.topic(), "IroCommentRequested", e -> e.subject().equals("audit-i1"));

        CLOCK.advance(Duration.ofHours(73));

        topics().awaitEvents(EventStream.MODERATION.topic(), "IroCommentOverdue", e -> e.subject().equals("audit-i1"));
        topics().awaitEvents(EventStream.MODERATION.topic(), "IroCommentOverdue", e -> e.subject().equals("audit-i1"));
        assertThat(topics().readAll(EventStream.MODERATION.topic()))
                .filteredOn(r -> "audit-i1".equals(r.key()) && r.event().type().equals("IroCommentOverdue")).hasSize(1);
        topics().awaitConsumed("moderation-service", EventStream.AUDITS.topic());
        assertThat(topics().readAll(EventStream.MODERATION.topic())).as("Bolton's framework asks the IRO for no comments")
                .noneMatch(r -> "audit-i0".equals(r.key()));
    }

    @Test
    void gradeInadequateIsPublishedOnceWhateverTheRedeliveriesAndTheModeratorsAgreement() {
        topics().send(event("staff-hos-1", new StaffMemberRegistered("staff-hos-1", StaffRole.HEAD_OF_SERVICE, "t",
                "hos@council.example")));
        topics().send(event("staff-tm-7", new StaffMemberRegistered("staff-tm-7", StaffRole.HEAD_OF_SERVICE, "t",
                "tm7@council.example")));
        topics().awaitConsumed("moderation-service", EventStream.STAFF.topic());
        var completed = event("audit-g1", new AuditCompleted("audit-g1", "case-1", "svc-1", "team-1", "staff-tm-7",
                "staff-sw-1", "staff-sm-1", Grade.INADEQUATE, Map.of("quality-of-planning", Grade.INADEQUATE), true,
                CLOCK.instant(), null, null));
        topics().send(completed);
        topics().send(completed);
        topics().send(EventEnvelope.of(UUID.randomUUID().toString(), completed.source(), completed.time(),
                completed.subject(), completed.localAuthority(), completed.correlationId(), completed.data()));

        var assigned = topics().awaitEvents(EventStream.MODERATION.topic(), "ModerationAssigned",
                e -> e.subject().equals("audit-g1"));
        String moderatorId = ((ModerationAssigned) assigned.get(0).data()).moderatorId();
        assertThat(moderatorId).isEqualTo("staff-hos-1");
        RestClient.create("http://localhost:" + port).post().uri("/moderations/audit-g1/decision")
                .header("Authorization", TestIssuer.bearerOf("bolton", moderatorId, "MODERATOR")).body(Map.of("rationale", "Agree: no plan for the risks."))
                .retrieve().toBodilessEntity();
        topics().awaitEvents(EventStream.MODERATION.topic(), "AuditModerated", e -> e.subject().equals("audit-g1"));
        topics().awaitConsumed("moderation-service", EventStream.AUDITS.topic());

        assertThat(topics().readAll(EventStream.MODERATION.topic()))
                .filteredOn(r -> "audit-g1".equals(r.key())).extracting(r -> r.event().type())
                .as("Bolton has no QA panel: its audit closes once moderated (002 §7.7)")
                .containsExactly("GradeInadequate", "ModerationAssigned", "AuditModerated", "AuditClosed");
    }

    static <T extends EventPayload> EventEnvelope<T> eventOf(String council, String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", CLOCK.instant(), subject, council,
                "corr-" + subject, data);
    }

    @Test
    void anInadequateAuditWithNoModeratorYetIsAssignedOnceOneRegistersAndAPanelSeatsOnlyItsOwnCouncilsStaff() {
        topics().send(eventOf("telford-and-wrekin", "audit-t1", new AuditCompleted("audit-t1", "case-t1", "svc-1",
                "team-1", "staff-tm-t", "staff-sw-t", "staff-sm-t", Grade.INADEQUATE,
                Map.of("quality-of-planning", Grade.INADEQUATE), true, CLOCK.instant(), null, null)));
        topics().awaitEvents(EventStream.MODERATION.topic(), "GradeInadequate", e -> e.subject().equals("audit-t1"));
        topics().send(eventOf("telford-and-wrekin", "staff-sm-t", new StaffMemberRegistered("staff-sm-t",
                StaffRole.SERVICE_MANAGER, "svc-1", "smt@telford.example")));
        topics().awaitConsumed("moderation-service", EventStream.STAFF.topic());

        CLOCK.advance(uk.caseqa.moderation.domain.Moderation.MODERATOR_SEARCH_INTERVAL.plusSeconds(1));

        var assigned = topics().awaitEvents(EventStream.MODERATION.topic(), "ModerationAssigned",
                e -> e.subject().equals("audit-t1"));
        assertThat(((ModerationAssigned) assigned.get(0).data()).moderatorId()).isEqualTo("staff-sm-t");

        topics().send(eventOf("bolton", "staff-sm-b", new StaffMemberRegistered("staff-sm-b",
                StaffRole.SERVICE_MANAGER, "svc-1", "smb@bolton.example")));
        topics().send(eventOf("telford-and-wrekin", "staff-qa-t", new StaffMemberRegistered("staff-qa-t",
                StaffRole.QA_MANAGER, "qa", "qat@telford.example")));
        topics().send(eventOf("bolton", "staff-qa-b", new StaffMemberRegistered("staff-qa-b", StaffRole.QA_MANAGER,
                "qa", "qab@bolton.example")));
        topics().awaitConsumed("moderation-service", EventStream.STAFF.topic());
        var stranger = createPanel("staff-qa-t", "telford-and-wrekin", "staff-qa-t", "staff-sm-b");
        assertThat(stranger.getStatusCode().value()).isEqualTo(400);
        assertThat(stranger.getBody().get("detail").toString()).contains("staff-sm-b").contains("telford-and-wrekin");

        var noPanel = createPanel("staff-qa-b", "bolton", "staff-qa-b", "staff-sm-b");
        assertThat(noPanel.getStatusCode().value()).isEqualTo(400);
        assertThat(noPanel.getBody().get("detail").toString()).contains("bolton has no QA panel");
    }

    @SuppressWarnings("rawtypes")
    org.springframework.http.ResponseEntity<Map> createPanel(String by, String council, String... members) {
        return RestClient.create("http://localhost:" + port).post().uri("/panels")
                .header("Authorization", TestIssuer.bearerOf(council, by, "QA_TEAM"))
                .body(Map.of("localAuthority", council, "date", "2026-12-01", "members", java.util.List.of(members)))
                .retrieve().onStatus(s -> s.isError(), (req, res) -> { }).toEntity(Map.class);
    }
}
