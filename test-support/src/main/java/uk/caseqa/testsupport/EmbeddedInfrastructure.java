package uk.caseqa.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import uk.caseqa.kafka.access.BrokerSignIn;

/** A real KRaft Kafka broker in this JVM and the MongoDB wire-protocol server (in memory), both on loopback. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final String adminPassword = BrokerSignIn.newPassword();
    private final InetSocketAddress mongo;

    EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerListProperty("caseqa.test.embedded.kafka.brokers");
        // signed in and authorised as in production: SASL on every listener, ACLs or nothing (BrokerSignIn)
        Map<String, String> broker = new java.util.HashMap<>(BrokerSignIn.brokerProperties("EXTERNAL",
                java.util.List.of("CONTROLLER"), adminPassword));
        broker.putAll(Map.of("auto.create.topics.enable", "false", "num.partitions", "3",
                "offsets.topic.num.partitions", "3", "group.initial.rebalance.delay.ms", "0",
                // the log cleaner's key buffer: Kafka's default holds 128 MB of each test JVM's heap for good
                "log.cleaner.dedupe.buffer.size", String.valueOf(16L << 20)));
        kafka.brokerProperties(broker);
        kafka.afterPropertiesSet();
        MongoServer server = new MongoServer(new CopyingMemoryBackend());
        server.bind("127.0.0.1", 0);
        mongo = server.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            kafka.destroy();
        }, "embedded-infrastructure-stop"));
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public Map<String, Object> kafkaAdminClient() {
        return BrokerSignIn.adminClient(kafkaBootstrapServers(), adminPassword);
    }

    @Override
    public String mongoUri(String database) {
        // the in-process server stops with the test JVM, sometimes before a context's last scheduled scan: that scan
        // gives up in seconds instead of the driver's 30 s, which held the JVM's exit
        return "mongodb://" + mongo.getHostString() + ":" + mongo.getPort() + "/" + database
                + "?serverSelectionTimeoutMS=3000";
    }

    @Override
    public String kind() {
        return "embedded (KRaft broker + mongo-java-server)";
    }
}
