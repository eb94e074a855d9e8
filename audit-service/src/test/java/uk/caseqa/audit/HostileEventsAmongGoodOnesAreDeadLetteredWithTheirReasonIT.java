package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.EventType;
import uk.caseqa.contracts.HostileEvents;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * A case system sends audit-service every kind of hostile event (each defect of the property test in event-contracts,
 * three event types each, an unknown council, an id reused for another fact), each followed by a good one, through
 * Kafka. Every hostile one ends on the dead-letter topic with its reason; every good one is recorded; the consumer
 * never stops.
 */
@WithRealInfrastructure
@SpringBootTest(properties = "spring.config.name=" + AuditServiceApplication.CONFIG_NAME)
class HostileEventsAmongGoodOnesAreDeadLetteredWithTheirReasonIT {

    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    CaseRegistry cases;

    @Test
    void everyHostileEventIsDeadLetteredWithItsReasonAndEveryGoodOneIsRecorded() throws Exception {
        Random random = new Random(11);
        List<String> hostileKeys = new ArrayList<>();
        List<String> goodCases = new ArrayList<>();
        String topic = prefix + EventStream.CASES.topicFor("swindon");
        java.util.Map<String, Object> config = new java.util.HashMap<>(Infrastructure.shared().kafkaAdminClient());
        config.putAll(java.util.Map.of("key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName(), "max.request.size", 4_000_000));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            int n = 0;
            for (HostileEvents.Defect defect : HostileEvents.Defect.values()) {
                for (int i = 0; i < 3; i++) {
                    EventType type = EventType.values()[random.nextInt(EventType.values().length)];
                    byte[] hostile = HostileEvents.make(type, defect, 1 + random.nextInt(5_000), "w" + n,
                            random.nextBoolean()).bytes();
                    send(producer, topic, "hostile-" + n, hostile);
                    hostileKeys.add("hostile-" + n);
                    goodCases.add(sendGood(producer, topic, "case-good-" + n));
                    n++;
                }
            }
            send(producer, topic, "hostile-council", EventJson.write(caseOpened("case-x", "nowhere-council")));
            hostileKeys.add("hostile-council");
            // a council the deployment serves, on Swindon's topic: only Swindon's systems may write there
            send(producer, topic, "hostile-other-council", EventJson.write(caseOpened("case-elsewhere", "bolton")));
            hostileKeys.add("hostile-other-council");
            // another stream's event on a case topic: a case system may write there, but only case events
            send(producer, topic, "hostile-other-stream", EventJson.write(EventEnvelope.of(UUID.randomUUID()
                    .toString(), "urn:caseqa:test", Instant.now(), "audit-forged", "swindon", "corr-forged",
                    new uk.caseqa.contracts.AuditReturned("audit-forged", "case-forged", "staff-x", "panel-x",
                            "forged", "staff-y", Instant.now()))));
            hostileKeys.add("hostile-other-stream");
            EventEnvelope<CaseOpened> first = caseOpened("case-reused", "swindon");
            send(producer, topic, "case-reused", EventJson.write(first));
            // keyed by its case as the first one, as a case system keys its events: the same partition, so the
            // first is consumed first and the reused id with other content is the one dead-lettered
            send(producer, topic, "case-reused", EventJson.write(EventEnvelope.of(first.id(), first.source(),
                    first.time(), "case-reused", "swindon", "corr", new CaseOpened("case-reused", Cohort.CIN, "svc-2",
                            "team-2", "sw-2", "tm-2", "sm-2", null))));
            hostileKeys.add("case-reused");
            goodCases.add(sendGood(producer, topic, "case-last"));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> goodCases.stream()
                .allMatch(c -> cases.find("swindon", c).isPresent()));
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        List<TopicProbe.Received> dead = await().atMost(Duration.ofSeconds(60)).until(
                () -> topics.readAll(EventStream.CASES.topic() + ".audit-service.dlq"),
                records -> records.size() >= hostileKeys.size());
        assertThat(dead).extracting(TopicProbe.Received::key).containsExactlyInAnyOrderElementsOf(hostileKeys);
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().get("x-exception-message")).isNotBlank());
        assertThat(dead).filteredOn(r -> "hostile-other-council".equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.headers().get("x-exception-message")).contains("not on its own topic"));
        assertThat(dead).filteredOn(r -> "hostile-other-stream".equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.headers().get("x-exception-message")).contains("AuditReturned",
                        "not on its own topic"));
        assertThat(cases.find("bolton", "case-elsewhere")).as("another council's record untouched").isEmpty();
        assertThat(cases.find("swindon", "case-reused")).get()
                .satisfies(c -> assertThat(c.cohort()).as("the first fact stands").isEqualTo(Cohort.CP));
        System.out.printf("hostile events through Kafka: %d dead-lettered with a reason, %d good ones recorded%n",
                dead.size(), goodCases.size());
    }

    static EventEnvelope<CaseOpened> caseOpened(String caseId, String council) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), caseId, council,
                "corr-" + caseId, new CaseOpened(caseId, Cohort.CP, "svc-1", "team-1", "sw-1", "tm-1", "sm-1", null));
    }

    static String sendGood(KafkaProducer<byte[], byte[]> producer, String topic, String caseId) throws Exception {
        send(producer, topic, caseId, EventJson.write(caseOpened(caseId, "swindon")));
        return caseId;
    }

    static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }
}
