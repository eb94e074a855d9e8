package uk.caseqa.messaging.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What a Kafka client built by hand in a service needs to reach the broker as the binder does: its address and the
 * binder's client configuration ({@code spring.cloud.stream.kafka.binder.configuration}: {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}), so it signs in as the service with the same credentials.
 */
public record KafkaClientSettings(Map<String, Object> properties) {

    public KafkaClientSettings {
        properties = Map.copyOf(properties);
    }

    public static KafkaClientSettings of(Environment environment) {
        Map<String, Object> properties = new HashMap<>(Binder.get(environment)
                .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"));
        return new KafkaClientSettings(properties);
    }

    /** Never the sign-in itself: a log line or an error message may print this. */
    @Override
    public String toString() {
        Map<String, Object> shown = new java.util.TreeMap<>(properties);
        shown.computeIfPresent("sasl.jaas.config", (k, v) -> "[hidden]");
        return "KafkaClientSettings" + shown;
    }

    /** These settings with more client properties (timeouts, deserializers, ...). */
    public Map<String, Object> with(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putAll(more);
        return all;
    }
}
