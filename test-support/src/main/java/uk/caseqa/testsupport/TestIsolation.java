package uk.caseqa.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.ClassPathResource;
import uk.caseqa.kafka.access.KafkaGrants;

/** Names and properties that keep each test context (or end-to-end platform) apart on the shared servers. */
public final class TestIsolation {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PASSWORDS = "caseqa.test.kafka-passwords.";
    private static final List<String> SERVICES = List.of("audit-service", "moderation-service", "concern-service",
            "reporting-service", "notification-service");

    private TestIsolation() {
    }

    public static String newName() {
        return "t" + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
    }

    /** Broker, database and topic prefix for one isolated context; {@code isolation} names the database and prefix. */
    public static Map<String, Object> properties(Infrastructure infrastructure, String isolation) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", infrastructure.mongoUri(isolation));
        properties.put("caseqa.topic-prefix", isolation + ".");
        properties.put("caseqa.outbox.initial-delay", "0ms");
        // actuator on a port of its own, as in production: any free one here
        properties.put("management.server.port", 0);
        properties.putAll(TestIssuer.shared().properties());
        properties.putAll(kafkaSignIn(infrastructure, isolation + "."));
        return properties;
    }

    /**
     * Each service whose configuration is on this classpath signs in to the broker as itself, with a password of
     * this JVM, and is granted what its bindings under this topic prefix need, and nothing else; its topics (and the
     * case systems') are made first, as a deployment's provisioning step makes them: no service creates one.
     */
    static Map<String, Object> kafkaSignIn(Infrastructure infrastructure, String topicPrefix) {
        KafkaUsers users = infrastructure.kafkaUsers();
        List<KafkaGrants> grants = SERVICES.stream().filter(s -> new ClassPathResource(s + ".yml").exists())
                .map(s -> KafkaGrants.fromConfigFile(s, Map.of("caseqa.topic-prefix", topicPrefix))).toList();
        users.topics(KafkaGrants.deploymentTopics(grants, Map.of("caseqa.topic-prefix", topicPrefix)));
        users.grant(grants);
        Map<String, Object> properties = new LinkedHashMap<>();
        grants.forEach(g -> properties.put(PASSWORDS + g.user(), users.password(g.user())));
        properties.put("caseqa.kafka.password", "${" + PASSWORDS + "${caseqa.kafka.username}}");
        return properties;
    }
}
