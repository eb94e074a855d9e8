package uk.caseqa.messaging.inbound;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import uk.caseqa.messaging.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * How many records wait on this service's dead-letter topics ({@code <topic>.<service>.dlq}), counted on the broker,
 * (under the deployment's topic prefix), so the count survives restarts and covers every replica: the gauge {@code caseqa.dead_letters} and the health
 * component {@code deadLetters}, which is part of readiness and says {@value #WARNING} (HTTP 200: the service still
 * serves) while any wait, with the command that shows and replays them. Read at most every 30 s.
 */
public class DeadLetterCount implements HealthIndicator, AutoCloseable {

    public static final String WARNING = "WARNING";
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private final Admin admin;
    private final String prefix;
    private final String suffix;
    private volatile Map<String, Long> counted = Map.of();
    private volatile long countedAt = Long.MIN_VALUE;
    private volatile String failure;

    public DeadLetterCount(KafkaClientSettings kafka, String topicPrefix, String serviceName, MeterRegistry meters) {
        this.admin = Admin.create(kafka.with(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000)));
        this.prefix = topicPrefix;
        this.suffix = "." + serviceName + ".dlq";
        Gauge.builder("caseqa.dead_letters", this, c -> c.perTopic().values().stream().mapToLong(n -> n).sum())
                .description("Records waiting on this service's dead-letter topics (./dead-letters to show and"
                        + " replay them)").register(meters);
    }

    /** Records on each of this service's dead-letter topics: the latest count, re-read when over 30 s old. */
    public synchronized Map<String, Long> perTopic() {
        long now = System.nanoTime();
        if (countedAt != Long.MIN_VALUE && now - countedAt < FRESH_FOR.toNanos()) {
            return counted;
        }
        countedAt = now;
        try {
            List<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(prefix) && t.endsWith(suffix)).sorted().toList();
            Map<String, Long> counts = new TreeMap<>();
            if (!topics.isEmpty()) {
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((topic, description) ->
                        description.partitions().forEach(p -> {
                            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                            earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                        }));
                var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                var starts = admin.listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
                ends.forEach((partition, end) -> counts.merge(partition.topic(),
                        end.offset() - starts.get(partition).offset(), Long::sum));
            }
            counted = counts;
            failure = null;
        } catch (Exception unreachable) {
            if (unreachable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failure = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
        }
        return counted;
    }

    @Override
    public Health health() {
        Map<String, Long> topics = perTopic();
        long total = topics.values().stream().mapToLong(n -> n).sum();
        if (failure != null) {
            return Health.unknown().withDetail("error", "cannot count dead letters on the broker: " + failure)
                    .withDetail("lastCounted", topics).build();
        }
        Health.Builder health = total > 0 ? Health.status(new Status(WARNING,
                total + " record(s) refused and waiting on dead-letter topics: ./dead-letters show <topic>, then"
                        + " ./dead-letters replay <topic> once the cause is fixed"))
                : Health.up();
        return health.withDetail("deadLetters", total).withDetail("topics", topics).build();
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO); // nothing to flush: a count, read again on the next start
    }
}
