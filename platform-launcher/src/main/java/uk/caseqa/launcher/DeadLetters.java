package uk.caseqa.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.caseqa.contracts.EventJson;

/**
 * The README's dead-letter command ({@code ./dead-letters}): lists every dead-letter topic with its count, shows a
 * topic's records with their reasons (identifiers only: event id, type, council, subject), and replays a topic's
 * records to the topic they came from, each once: the replay's position is kept as the consumer group
 * {@value #REPLAY_GROUP}, so running it again sends only what was dead-lettered since. Every consumer of the original
 * topic sees a replayed event again; those that handled it already ignore it (same event id).
 */
public final class DeadLetters {

    static final String REPLAY_GROUP = "caseqa-dead-letter-replay";
    static final String REPLAYED_FROM = "x-replayed-from";
    private static final Duration READ_WITHIN = Duration.ofSeconds(20);

    private final Map<String, Object> client;
    private final String bootstrapServers;
    private final PrintStream out;

    /** {@code client}: a Kafka client's properties, signed in as someone who may read and replay dead letters. */
    DeadLetters(Map<String, Object> client, PrintStream out) {
        this.client = Map.copyOf(client);
        this.bootstrapServers = String.valueOf(client.get("bootstrap.servers"));
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // a command's output, not the Kafka clients' start-up chatter
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        String brokers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        try {
            System.exit(new DeadLetters(KafkaSignIn.operator(brokers), System.out).run(args));
        } catch (Exception failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            System.err.println("dead-letters: " + cause.getMessage() + " (broker " + brokers
                    + ": set KAFKA_BOOTSTRAP_SERVERS to reach another)");
            System.exit(1);
        }
    }

    /** Returns the process exit status: 0 done, 2 a usage error. */
    int run(String... args) throws Exception {
        String command = args.length == 0 ? "list" : args[0];
        switch (command) {
            case "list" -> list();
            case "show" -> {
                if (args.length != 2) {
                    return usage();
                }
                show(args[1]);
            }
            case "replay" -> {
                if (args.length != 2) {
                    return usage();
                }
                replay(args[1]);
            }
            default -> {
                return usage();
            }
        }
        return 0;
    }

    private int usage() {
        out.println("""
                usage: ./dead-letters                 every dead-letter topic, its count and replayed count
                       ./dead-letters show <topic>    its records: event id, type, council, subject, reason
                       ./dead-letters replay <topic>  sends each record not replayed before back to its own topic
                broker: KAFKA_BOOTSTRAP_SERVERS (default localhost:9092), signed in as KAFKA_USERNAME with
                KAFKA_PASSWORD (default: the embedded run's administrator, from .caseqa-data/kafka-admin.properties)""");
        return 2;
    }

    void list() throws Exception {
        Map<String, Object> adminProps = new java.util.HashMap<>(client);
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(adminProps)) {
            List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq")).sorted()
                    .toList();
            if (topics.isEmpty()) {
                out.println("no dead-letter topics on " + bootstrapServers);
                return;
            }
            var replayed = admin.listConsumerGroupOffsets(REPLAY_GROUP).partitionsToOffsetAndMetadata().get();
            out.printf("%-60s %8s %8s%n", "dead-letter topic", "records", "replayed");
            for (String topic : topics) {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
                partitions.forEach(p -> {
                    latest.put(p, OffsetSpec.latest());
                    earliest.put(p, OffsetSpec.earliest());
                });
                var ends = admin.listOffsets(latest).all().get();
                var starts = admin.listOffsets(earliest).all().get();
                long records = partitions.stream().mapToLong(p -> ends.get(p).offset() - starts.get(p).offset()).sum();
                long done = partitions.stream().mapToLong(p -> replayed.get(p) == null ? 0
                        : replayed.get(p).offset() - starts.get(p).offset()).sum();
                out.printf("%-60s %8d %8d%n", topic, records, done);
            }
        }
    }

    void show(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = readFrom(topic, null);
        out.printf("%s: %d record(s)%n", topic, records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            out.printf("%d@%d %s %s%s%n    reason: %s%n", record.partition(), record.offset(),
                    Instant.ofEpochMilli(record.timestamp()), identify(record.value()),
                    redacted(record) ? " (refused as invalid: identifiers only, not replayed)" : "",
                    header(record, "x-exception-message"));
        }
    }

    /** What the record is, by identifiers only: never its data (it may hold what a bad sender put there). */
    static String identify(byte[] value) {
        if (value == null) {
            return "(no value)";
        }
        try {
            var event = EventJson.read(new String(value, StandardCharsets.UTF_8));
            return "event " + event.id() + " " + event.type() + " council=" + event.localAuthority() + " subject="
                    + event.subject();
        } catch (RuntimeException unreadable) {
            return "(" + value.length + " bytes, not a valid event)";
        }
    }

    void replay(String topic) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = readFrom(topic, REPLAY_GROUP);
        if (records.isEmpty()) {
            out.println(topic + ": nothing to replay (every record has been replayed before)");
            return;
        }
        Properties producerProps = new Properties();
        producerProps.putAll(client);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps);
                KafkaConsumer<byte[], byte[]> committer = consumer(REPLAY_GROUP)) {
            int skipped = 0;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (redacted(record)) {
                    // only its identifiers were kept: sent back, it could only be refused again
                    committer.commitSync(Map.of(new TopicPartition(topic, record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    out.printf("not replayed %d@%d: refused as invalid, only its identifiers were kept%n",
                            record.partition(), record.offset());
                    skipped++;
                    continue;
                }
                String original = originalTopic(topic, record);
                ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(original, null, record.key(),
                        record.value());
                for (Header header : record.headers()) {
                    if (!header.key().startsWith("x-exception") && !header.key().startsWith("x-original")) {
                        again.headers().add(header);
                    }
                }
                again.headers().add(REPLAYED_FROM, (topic + "@" + record.partition() + ":" + record.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(again).get();
                // the position moves past each record once it is on its topic again: a replay stopped midway resumes
                committer.commitSync(Map.of(new TopicPartition(topic, record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                out.printf("replayed %d@%d to %s: %s%n", record.partition(), record.offset(), original,
                        identify(record.value()));
            }
            out.printf("%s: %d record(s) replayed%n", topic, records.size() - skipped);
        }
    }

    /** Marked by the services' dead-letter producer: a refused message of which only the identifiers were kept. */
    static boolean redacted(ConsumerRecord<byte[], byte[]> record) {
        return record.headers().lastHeader("x-caseqa-redacted") != null;
    }

    /**
     * The topic a dead letter came from: its header, else the name ({@code <topic>.<service>.dlq}). For a stream with
     * a topic per council, the event's own council's topic, also for a record dead-lettered before case and staff
     * events had a topic per council ({@code x-original-topic: qa.case-events}).
     */
    static String originalTopic(String dlqTopic, ConsumerRecord<byte[], byte[]> record) {
        String topic = header(record, "x-original-topic");
        if (topic == null) {
            String withoutSuffix = dlqTopic.substring(0, dlqTopic.length() - ".dlq".length());
            topic = withoutSuffix.substring(0, withoutSuffix.lastIndexOf('.'));
        }
        try {
            var event = EventJson.read(record.value());
            var stream = event.eventType().stream();
            return stream.perCouncil() && topic.endsWith(stream.topic()) ? topic + "." + event.localAuthority() : topic;
        } catch (RuntimeException notAnEvent) {
            return topic;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The topic's records from the group's position (null: from the beginning), up to its end now. */
    private List<ConsumerRecord<byte[], byte[]>> readFrom(String topic, String group) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic + " on " + bootstrapServers);
            }
            consumer.assign(partitions);
            var committed = group == null ? Map.<TopicPartition, OffsetAndMetadata>of()
                    : consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition p : partitions) {
                OffsetAndMetadata position = committed.get(p);
                if (position == null) {
                    consumer.seekToBeginning(List.of(p));
                } else {
                    consumer.seek(p, position.offset());
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_WITHIN.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties props = new Properties();
        props.putAll(client);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
