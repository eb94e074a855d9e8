package uk.caseqa.testsupport;

import java.util.List;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import uk.caseqa.kafka.access.BrokerSignIn;

/**
 * Testcontainers' Kafka (KRaft) and MongoDB (replica set), for machines with a Docker engine. The broker is secured
 * as the embedded one is ({@link BrokerSignIn}): SASL on its three listeners (clients on PLAINTEXT, the broker on
 * BROKER, the controller on CONTROLLER, as Testcontainers names them) and ACLs or nothing.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final String adminPassword = BrokerSignIn.newPassword();
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
            .withEnv(BrokerSignIn.asImageEnvironment(BrokerSignIn.brokerProperties("PLAINTEXT",
                    List.of("BROKER", "CONTROLLER"), adminPassword)))
            // as in production: every topic is provisioned beforehand (TestIsolation), none made by a client
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    ContainerInfrastructure() {
        kafka.start();
        mongo.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public Map<String, Object> kafkaAdminClient() {
        return BrokerSignIn.adminClient(kafkaBootstrapServers(), adminPassword);
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    @Override
    public String kind() {
        return "Testcontainers (Kafka + MongoDB)";
    }
}
