package uk.caseqa.messaging.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import uk.caseqa.contracts.InvalidEventException;
import uk.caseqa.messaging.kafka.KafkaClientSettings;

/**
 * Dead letters for the bindings that consume a poll at a time (batch mode). Left to itself the binder dead-letters
 * every record of a poll in which the listener threw, good events with the bad one. Here a batch binding instead
 * gets Spring Kafka's error handler: the records before the one the listener names
 * ({@link org.springframework.kafka.listener.BatchListenerFailedException}) are committed, the named one goes to the
 * binding's dead-letter topic at once if it is invalid ({@link InvalidEventException}, never retried) or after the
 * binding's retries otherwise, and the records after it are handed to the listener again. A failure that names no
 * record (the store unreachable) retries the whole poll with the binding's back-off, then dead-letters its records
 * as a record binding would, each with its reason; a valid event dead-lettered is kept whole, so it can be replayed.
 * <p>
 * The dead-letter record is the binder's own: the same topic ({@code dlq-name}), partition ({@link DeadLetterReporter},
 * which logs and counts it), value ({@link DeadLetterValues}) and headers ({@code x-original-*},
 * {@code x-exception-message}), so the dead-letter tools and counts read both alike. Record-mode bindings keep the
 * binder's retry and dead-lettering.
 */
public class BatchBindingDeadLetters implements DisposableBean {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private final KafkaClientSettings kafka;
    private final DeadLetterReporter reporter;
    private final String service;
    private volatile @Nullable Producer<byte[], byte[]> producer;

    public BatchBindingDeadLetters(KafkaClientSettings kafka, DeadLetterReporter reporter, String service) {
        this.kafka = kafka;
        this.reporter = reporter;
        this.service = service;
    }

    /** Called for every binding's container ({@link BindingContainers}). */
    public void configure(AbstractMessageListenerContainer<?, ?> container, String group, @Nullable BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (!properties.isBatchMode() || !properties.getExtension().isEnableDlq()) {
            return;
        }
        String dlqName = properties.getExtension().getDlqName();
        if (dlqName == null || dlqName.isBlank()) {
            throw new IllegalStateException("binding " + properties.getBindingName() + " consumes in batches with"
                    + " dead letters enabled but names no dlq-name: a batch binding's dead-letter topic is named");
        }
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer(dlqName, group),
                backOff != null ? backOff : new FixedBackOff(0L, 0L));
        errors.addNotRetryableExceptions(InvalidEventException.class);
        // the records after the named one go back to the listener as they are, not through another poll
        errors.setSeekAfterError(false);
        container.setCommonErrorHandler(errors);
    }

    /** The named record to the dead-letter topic, sent before its offset is committed: a failed send is retried. */
    ConsumerRecordRecoverer recoverer(String dlqName, String group) {
        return (record, failure) -> {
            Throwable reason = reasonFor(failure);
            int partition = reporter.apply(group, record, failure);
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.add("x-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            headers.add("x-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
            headers.add("x-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
            headers.add("x-original-timestamp", ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
            headers.add("x-original-timestamp-type",
                    record.timestampType().toString().getBytes(StandardCharsets.UTF_8));
            headers.add("x-exception-fqcn", reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
            headers.add("x-exception-message",
                    String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
            try {
                producer().send(new ProducerRecord<>(dlqName, partition, bytes(record.key()), bytes(record.value()),
                        headers)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted dead-lettering " + where(record), interrupted);
            } catch (ExecutionException | TimeoutException failed) {
                throw new IllegalStateException("could not dead-letter " + where(record) + " to " + dlqName
                        + "; it will be tried again", failed);
            }
        };
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /**
     * The reason as a person reads it: the event's own refusal ({@link InvalidEventException}, whose message names the
     * field or position) where there is one, the innermost cause otherwise (the binder's wrappers say nothing more).
     */
    static Throwable reasonFor(Throwable failure) {
        Throwable root = failure;
        while (true) {
            if (root instanceof InvalidEventException) {
                return root;
            }
            if (root.getCause() == null || root.getCause() == root) {
                return root;
            }
            root = root.getCause();
        }
    }

    private static byte @Nullable [] bytes(@Nullable Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(kafka.with(Map.of(
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValues.class,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.LINGER_MS_CONFIG, 0,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                            ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters")));
                    producer = current;
                }
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Producer<byte[], byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
