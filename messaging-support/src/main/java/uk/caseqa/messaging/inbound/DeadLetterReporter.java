package uk.caseqa.messaging.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Called by the Kafka binder for every record it dead-letters: logs the reason, counts it, and keeps the record's
 * partition where the dead-letter topic has it (partition 0 otherwise).
 */
public class DeadLetterReporter implements DlqPartitionFunction {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReporter.class);
    private final MeterRegistry meters;

    public DeadLetterReporter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        meters.counter("caseqa.events.dead_lettered", "topic", record.topic(), "reason",
                root.getClass().getSimpleName()).increment();
        log.warn("dead-lettering {}-{}@{} for group {}: {}", record.topic(), record.partition(), record.offset(), group,
                root.getMessage());
        return 0;
    }
}
