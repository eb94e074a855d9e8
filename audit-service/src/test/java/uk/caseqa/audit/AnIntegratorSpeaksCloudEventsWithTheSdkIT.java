package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * A council's integrator needs nothing of ours but the CloudEvents SDK: a case system writes a plain CloudEvent in
 * structured mode (no correlation id, no schema version: only the {@code localauthority} extension the contract
 * requires) and audit-service takes the case; an SDK consumer reads every record audit-service publishes.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + AuditServiceApplication.CONFIG_NAME)
class AnIntegratorSpeaksCloudEventsWithTheSdkIT {

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    CaseRegistry cases;

    @Test
    void aCaseSystemsPlainCloudEventIsTakenAndOurEventsAreReadByTheSdk() throws Exception {
        try (KafkaProducer<String, CloudEvent> caseSystem = new KafkaProducer<>(sdkProducer())) {
            caseSystem.send(new ProducerRecord<>(prefix + EventStream.STAFF.topicFor("bolton"), "staff-tm-ce",
                    plain("StaffMemberRegistered", "staff-tm-ce", "{\"staffId\":\"staff-tm-ce\",\"role\":\"TEAM_MANAGER\","
                            + "\"teamId\":\"team-1\",\"email\":\"tm.ce@bolton.example\"}"))).get();
            caseSystem.send(new ProducerRecord<>(prefix + EventStream.CASES.topicFor("bolton"), "case-ce-1",
                    plain("CaseOpened", "case-ce-1", "{\"caseId\":\"case-ce-1\",\"cohort\":\"CP\",\"serviceId\":\"svc-1\","
                            + "\"teamId\":\"team-1\",\"socialWorkerId\":\"staff-sw-1\",\"teamManagerId\":\"staff-tm-ce\","
                            + "\"serviceManagerId\":\"staff-sm-1\"}"))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("bolton", "case-ce-1").isPresent());

        RestClient http = RestClient.create("http://localhost:" + port);
        Map<?, ?> allocated = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.post()
                .uri("/audits").header("Authorization", TestIssuer.bearerOf("bolton", "staff-qa-1", "QA_TEAM"))
                .body(Map.of("caseId", "case-ce-1", "auditorId", "staff-tm-ce")).retrieve().body(Map.class),
                a -> a != null);
        String auditId = (String) allocated.get("auditId");

        List<CloudEvent> read = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> integrator = new KafkaConsumer<>(sdkConsumer())) {
            integrator.subscribe(List.of(prefix + EventStream.AUDITS.topic()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                // the SDK reads every record as it comes: one it could not read would throw here
                for (ConsumerRecord<String, CloudEvent> record : integrator.poll(Duration.ofMillis(500))) {
                    read.add(record.value());
                }
                return read.stream().anyMatch(e -> auditId.equals(e.getSubject()));
            });
        }
        CloudEvent event = read.stream().filter(e -> auditId.equals(e.getSubject())).findFirst().orElseThrow();
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).isEqualTo("AuditAllocated");
        assertThat(event.getSource()).hasToString("urn:caseqa:audit-service");
        assertThat(event.getExtension("localauthority")).isEqualTo("bolton");
        assertThat(event.getExtension("correlationid")).isNotNull();
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"auditId\":\"" + auditId + "\"")
                .contains("\"caseId\":\"case-ce-1\"");
    }

    /** As a case system writes it: the CloudEvents attributes and the one extension the contract requires. */
    private static CloudEvent plain(String type, String subject, String data) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("urn:bolton:case-management")).withType(type).withTime(OffsetDateTime.now())
                .withSubject(subject).withExtension("localauthority", "bolton").withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static Map<String, Object> sdkProducer() {
        Map<String, Object> props = new HashMap<>(Infrastructure.shared().kafkaAdminClient());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        props.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED);
        props.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
        return props;
    }

    private static Map<String, Object> sdkConsumer() {
        Map<String, Object> props = new HashMap<>(Infrastructure.shared().kafkaAdminClient());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "integrator-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        return props;
    }
}
