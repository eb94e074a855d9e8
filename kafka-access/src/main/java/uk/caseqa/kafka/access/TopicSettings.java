package uk.caseqa.kafka.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import uk.caseqa.contracts.EventStream;

/**
 * How a deployment's topics are made: partitions (the most replicas of a service that share its work), replication
 * factor and {@code min.insync.replicas} (a write is acknowledged once that many brokers have it: with 3 and 2, one
 * broker may be lost without losing or refusing an event), and retention. The board aggregates are compacted: the
 * latest figure of each key is kept for good, which is what a dashboard rebuilt from the topic needs.
 *
 * <p>Read from the environment of the provisioning step ({@link #fromEnvironment}): {@code KAFKA_PARTITIONS} (3),
 * {@code KAFKA_REPLICATION_FACTOR} (1), {@code KAFKA_MIN_INSYNC_REPLICAS} (1) and {@code KAFKA_RETENTION_DAYS} (35).
 * Production sets 3 and 2 (deploy/kubernetes/overlays/production).
 */
public record TopicSettings(int partitions, short replicationFactor, int minInsyncReplicas, Duration retention) {

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("KAFKA_PARTITIONS must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("KAFKA_REPLICATION_FACTOR must be at least 1, not " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("KAFKA_MIN_INSYNC_REPLICAS must be between 1 and the replication factor ("
                    + replicationFactor + "), not " + minInsyncReplicas);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("KAFKA_RETENTION_DAYS must be at least 1, not " + retention.toDays());
        }
    }

    /** One broker on a laptop, the embedded run and the tests: 3 partitions, no replicas, 35 days. */
    public static TopicSettings local() {
        return new TopicSettings(3, (short) 1, 1, Duration.ofDays(35));
    }

    public static TopicSettings fromEnvironment(Map<String, String> environment) {
        TopicSettings local = local();
        return new TopicSettings(
                number(environment, "KAFKA_PARTITIONS", local.partitions()),
                (short) number(environment, "KAFKA_REPLICATION_FACTOR", local.replicationFactor()),
                number(environment, "KAFKA_MIN_INSYNC_REPLICAS", local.minInsyncReplicas()),
                Duration.ofDays(number(environment, "KAFKA_RETENTION_DAYS", (int) local.retention().toDays())));
    }

    /** The topic-level configuration of {@code topic} (a name with or without the deployment's prefix). */
    public Map<String, String> configOf(String topic) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
        if (compacted(topic)) {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            config.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
        }
        return config;
    }

    static boolean compacted(String topic) {
        String board = EventStream.BOARD_AGGREGATES.topic();
        return topic.equals(board) || topic.endsWith("." + board);
    }

    private static int number(Map<String, String> environment, String name, int otherwise) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
