package uk.caseqa.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;

/**
 * Plays the systems around a service in tests: sends raw records (valid or not) to a topic as an upstream system
 * would, and reads what was published, from the beginning of the topic, waiting with Awaitility.
 */
public final class TopicProbe implements AutoCloseable {

    /** A record as read back: key, JSON text and headers. */
    public record Received(String topic, String key, String value, Map<String, String> headers) {
        public EventEnvelope<EventPayload> event() {
            return EventJson.read(value);
        }
    }

    private static final Map<String, TopicProbe> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** One probe per topic prefix on the shared broker, closed when the test JVM ends. */
    public static TopicProbe forPrefix(String topicPrefix) {
        return SHARED.computeIfAbsent(topicPrefix, prefix -> {
            TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaAdminClient(), prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(probe::close, "topic-probe-close"));
            return probe;
        });
    }

    private final Map<String, Object> client;
    private final String prefix;
    private final KafkaProducer<byte[], byte[]> producer;

    /**
     * {@code client}: the properties of a client signed in to the broker, as its administrator
     * ({@link Infrastructure#kafkaAdminClient()}): the probe plays the case systems and reads every topic.
     */
    public TopicProbe(Map<String, Object> client, String topicPrefix) {
        this.client = Map.copyOf(client);
        this.prefix = topicPrefix;
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
    }

    public String topic(String baseTopic) {
        return prefix + baseTopic;
    }

    public void send(String baseTopic, String key, String json) {
        try {
            producer.send(new ProducerRecord<>(topic(baseTopic), key.getBytes(StandardCharsets.UTF_8),
                    json.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic(baseTopic), e);
        }
    }

    public void send(EventEnvelope<?> event) {
        send(event.eventType().stream().topicFor(event.localAuthority()), event.subject(),
                EventJson.writeString(event));
    }

    /** Everything on the topic so far. */
    public List<Received> readAll(String baseTopic) {
        String topic = topic(baseTopic);
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<Received> received = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    received.add(new Received(record.topic(),
                            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                            record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                            headers));
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
        return received;
    }

    /** Waits until the topic holds a record matching {@code condition}, and returns the matching ones. */
    public List<Received> awaitRecords(String baseTopic, Predicate<Received> condition) {
        List<List<Received>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Received> matching = readAll(baseTopic).stream().filter(condition).toList();
            found.add(matching);
            return !matching.isEmpty();
        });
        return found.get(found.size() - 1);
    }

    /** Waits for events of a type on a topic, and returns them decoded. */
    public List<EventEnvelope<EventPayload>> awaitEvents(String baseTopic, String type, Predicate<EventEnvelope<EventPayload>> condition) {
        return awaitRecords(baseTopic, r -> type.equals(r.event().type()) && condition.test(r.event())).stream()
                .map(Received::event).toList();
    }

    /**
     * Waits until consumer group {@code group} has committed everything on the topic so far: it has seen it all. For
     * a stream with a topic per council ({@code qa.case-events}), every council's topic.
     */
    public void awaitConsumed(String group, String baseTopic) {
        String stem = topic(baseTopic);
        Properties props = new Properties();
        props.putAll(client);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.equals(stem)
                        || (t.startsWith(stem + ".") && !t.endsWith(".dlq"))).toList();
                var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream()
                                .map(p -> new org.apache.kafka.common.TopicPartition(d.name(), p.partition())))
                        .toList();
                var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                        p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return !partitions.isEmpty() && partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset()));
            });
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
