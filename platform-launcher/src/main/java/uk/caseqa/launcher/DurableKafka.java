package uk.caseqa.launcher;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.caseqa.kafka.access.BrokerSignIn;

/**
 * The embedded run's Kafka: one KRaft node (broker and controller) whose logs, consumer offsets and metadata live in
 * a directory under {@code .caseqa-data/}, formatted on first start only, so an event published before a stop, or a
 * {@code kill -9}, is still there to consume after a restart. It listens on a fixed port, advertised as given.
 */
public final class DurableKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableKafka.class);
    private static final int NODE_ID = 1;
    /**
     * The memory the log cleaner compacts a topic's keys in. Kafka's default, 128 MB, is taken from the heap when the
     * node starts and held for good: a quarter of the embedded run's live heap (found in a heap dump of the platform
     * benchmark at 100,000 stored), where the garbage collector then ran concurrently for most of the time. The
     * compacted topics here (the board's aggregates, the consumers' offsets) hold thousands of keys; 16 MB compacts
     * about 600,000 in one pass, and more in several.
     */
    private static final String COMPACTION_BUFFER = "log.cleaner.dedupe.buffer.size";
    private static final long COMPACTION_BUFFER_BYTES = 16L << 20;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String adminPassword;

    private DurableKafka(KafkaRaftServer server, String bootstrapServers, String adminPassword) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.adminPassword = adminPassword;
    }

    /** Starts the node on {@code port} (clients) and {@code controllerPort}, formatting {@code logDir} if it is new. */
    public static DurableKafka start(Path logDir, int port, int controllerPort) throws Exception {
        Files.createDirectories(logDir);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "CLIENT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "CLIENT");
        // nobody in without signing in, nothing done that no ACL allows (BrokerSignIn); the administrator's password
        // is made on the first start and kept beside the data, readable by its owner only
        String adminPassword = adminPassword(adminFile(logDir));
        p.putAll(BrokerSignIn.brokerProperties("CLIENT", List.of("CONTROLLER"), adminPassword));
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "false"); // every topic is provisioned (KafkaSignIn)
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // after a kill, the restarted node re-registers once its previous session has lapsed: keep that short
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put(COMPACTION_BUFFER, String.valueOf(COMPACTION_BUFFER_BYTES));
        KafkaConfig config = KafkaConfig.fromProps(p);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES).setClusterId(clusterId).setNodeId(NODE_ID)
                    .setControllerListenerName("CONTROLLER").setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString())).setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            log.info("formatted the Kafka log directory {} (cluster {}) on its first start", logDir, clusterId);
        } else {
            log.info("Kafka resumes from {}: events not yet consumed before the last stop are still there", logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new DurableKafka(server, "127.0.0.1:" + port, adminPassword);
    }

    /** Where the administrator's password of the node whose logs are in {@code logDir} is kept. */
    static Path adminFile(Path logDir) {
        return logDir.toAbsolutePath().resolveSibling("kafka-admin.properties");
    }

    private static String adminPassword(Path file) throws java.io.IOException {
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                kept.load(in);
            }
        }
        String password = kept.getProperty("password");
        if (password == null || password.isBlank()) {
            password = BrokerSignIn.newPassword();
            kept.setProperty("username", BrokerSignIn.ADMIN);
            kept.setProperty("password", password);
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(file)) {
                kept.store(out, "the embedded Kafka node's administrator (a super user): for ./dead-letters only");
            }
        }
        return password;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A client signed in as the node's administrator. */
    public java.util.Map<String, Object> adminClient() {
        return BrokerSignIn.adminClient(bootstrapServers, adminPassword);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
