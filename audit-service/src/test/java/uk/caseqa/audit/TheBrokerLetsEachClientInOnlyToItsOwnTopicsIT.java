package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.kafka.access.BrokerSignIn;
import uk.caseqa.kafka.access.KafkaGrants;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.KafkaUsers;
import uk.caseqa.testsupport.TestIsolation;

/**
 * Kafka is not an open door: the test broker runs as production does (SASL on every listener, the standard authorizer,
 * nothing allowed that no ACL allows), with audit-service granted what its own bindings need. A client that does not
 * sign in, or signs in with the wrong password, gets nothing; audit-service writes its own topic and no other
 * service's; a council's case system writes its own council's case events and not another council's.
 */
class TheBrokerLetsEachClientInOnlyToItsOwnTopicsIT {

    final Infrastructure infrastructure = Infrastructure.shared();
    final String prefix = TestIsolation.newName() + ".";
    final KafkaUsers users = infrastructure.kafkaUsers();

    TheBrokerLetsEachClientInOnlyToItsOwnTopicsIT() {
        // the grants a test context of audit-service gets under this prefix (its bindings read from audit-service.yml)
        TestIsolation.properties(infrastructure, prefix.substring(0, prefix.length() - 1));
    }

    @Test
    void aProducerThatDoesNotSignInIsRefused() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers());
        assertThatThrownBy(() -> send(anonymous, prefix + EventStream.CASES.topicFor("swindon")))
                .as("no SASL handshake: the broker never answers its metadata request")
                .hasStackTraceContaining("not present in metadata");
    }

    @Test
    void aServiceSigningInWithTheWrongPasswordIsRefused() {
        Map<String, Object> impostor = BrokerSignIn.userClient(infrastructure.kafkaBootstrapServers(), "audit-service",
                "not-its-password");
        assertThatThrownBy(() -> send(impostor, prefix + EventStream.AUDITS.topic()))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void auditServiceWritesItsOwnEventsButNotAnotherServicesNorReadsWhatItDoesNotConsume() throws Exception {
        Map<String, Object> auditService = users.client("audit-service");
        send(auditService, prefix + EventStream.AUDITS.topic());

        assertThatThrownBy(() -> send(auditService, prefix + EventStream.MODERATION.topic()))
                .as("moderation-service's topic").hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> poll(auditService, "audit-service", prefix + EventStream.BOARD_AGGREGATES.topic()))
                .as("a topic it does not consume").isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> poll(auditService, "moderation-service",
                prefix + EventStream.STAFF.topicFor("swindon")))
                .as("a topic it consumes, in another service's group").isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aCouncilsCaseSystemWritesItsOwnCouncilsCaseEventsAndNoOtherCouncils() throws Exception {
        KafkaGrants bolton = KafkaGrants.caseSystem("bolton", prefix);
        users.topics(bolton.topics()); // made by the provisioning step: a case system may not create topics
        users.grant(List.of(bolton));
        Map<String, Object> boltonsSystem = users.client(KafkaGrants.caseSystemUser("bolton"));
        send(boltonsSystem, prefix + EventStream.CASES.topicFor("bolton"));
        send(boltonsSystem, prefix + EventStream.STAFF.topicFor("bolton"));

        assertThatThrownBy(() -> send(boltonsSystem, prefix + EventStream.CASES.topicFor("swindon")))
                .as("Swindon's case events").hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> send(boltonsSystem, prefix + EventStream.AUDITS.topic()))
                .as("a service's topic").hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> send(boltonsSystem, prefix + EventStream.CASES.topicFor("bolton") + "-made-up"))
                .as("a topic of its own making").hasRootCauseInstanceOf(AuthorizationException.class);
    }

    private static void send(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>(client);
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        props.put("max.block.ms", 5000);
        props.put("delivery.timeout.ms", 8000);
        props.put("request.timeout.ms", 5000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static void poll(Map<String, Object> client, String group, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put("group.id", group);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("default.api.timeout.ms", 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }
}
