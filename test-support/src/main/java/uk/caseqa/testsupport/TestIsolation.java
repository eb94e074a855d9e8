package uk.caseqa.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Names and properties that keep each test context (or end-to-end platform) apart on the shared servers. */
public final class TestIsolation {

    private static final AtomicInteger COUNTER = new AtomicInteger();

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
        properties.putAll(TestIssuer.shared().properties());
        return properties;
    }
}
