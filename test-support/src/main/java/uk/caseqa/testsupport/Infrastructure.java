package uk.caseqa.testsupport;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * A Kafka broker and a MongoDB server for the tests of this JVM, started once. Which kind is chosen here, and only
 * here: system property {@code caseqa.infrastructure} = {@code embedded} (KRaft broker in this JVM +
 * mongo-java-server), {@code containers} (Testcontainers' Kafka and MongoDB) or {@code auto} (the default:
 * containers where a Docker engine answers, embedded otherwise).
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    /** Client properties signed in as the broker's administrator: the test kit (probes, case systems, observers). */
    Map<String, Object> kafkaAdminClient();

    /** Users, passwords and grants on this broker, written as its administrator. */
    default KafkaUsers kafkaUsers() {
        return KafkaUsers.of(this);
    }

    /** A connection string for a database of this name. */
    String mongoUri(String database);

    String kind();

    static Infrastructure shared() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
        static final Infrastructure INSTANCE = start();

        private Holder() {
        }

        private static Infrastructure start() {
            String wanted = System.getProperty("caseqa.infrastructure", "auto").toLowerCase(Locale.ROOT);
            boolean containers = switch (wanted) {
                case "containers" -> true;
                case "embedded" -> false;
                case "auto" -> dockerAnswers();
                default -> throw new IllegalArgumentException(
                        "caseqa.infrastructure must be embedded, containers or auto, not " + wanted);
            };
            Infrastructure infrastructure = containers ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
            log.info("test infrastructure: {} (kafka {})", infrastructure.kind(), infrastructure.kafkaBootstrapServers());
            return infrastructure;
        }

        private static boolean dockerAnswers() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
