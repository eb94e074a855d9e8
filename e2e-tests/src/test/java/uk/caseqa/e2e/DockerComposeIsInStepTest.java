package uk.caseqa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;
import uk.caseqa.identity.LocalAuthorizationServer;
import uk.caseqa.launcher.PlatformService;

/** docker-compose.yml cannot be run here, so this keeps it in step with what each service reads. */
class DockerComposeIsInStepTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /** Spring Boot properties set through relaxed binding rather than a placeholder. */
    static final Set<String> BOOT_PROPERTIES = Set.of("LOGGING_STRUCTURED_FORMAT_CONSOLE");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DockerComposeIsInStepTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void theIdentityContainerIsTheLauncherOnlyAsTheLocalAuthorizationServer() throws IOException {
        Map<String, Object> identity = (Map<String, Object>) ((Map<String, Object>) compose().get("services"))
                .get("identity");
        assertThat((List<String>) identity.get("command")).containsExactly("--authorization-server-only");
        assertThat((List<String>) identity.get("ports")).as("demo secrets: this machine only").containsExactly(
                "127.0.0.1:" + LocalAuthorizationServer.PORT + ":" + LocalAuthorizationServer.PORT);
        assertThat(((Map<String, Object>) ((Map<String, Object>) identity.get("build")).get("args")).get("SERVICE"))
                .isEqualTo("platform-launcher");
    }

    static final String ADMIN_PASSWORD = "${KAFKA_ADMIN_PASSWORD:-local-only-kafka-admin}";

    @SuppressWarnings("unchecked")
    static Map<String, Object> kafkaAccessEnvironment() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        return (Map<String, Object>) ((Map<String, Object>) services.get("kafka-access")).get("environment");
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void theBrokerSignsEveryoneInAsTheEmbeddedOnesDoAndKafkaAccessGrantsWithItsAdministrator() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) services.get("kafka")).get("environment");
        assertThat(kafka).containsAllEntriesOf(uk.caseqa.kafka.access.BrokerSignIn.asImageEnvironment(
                uk.caseqa.kafka.access.BrokerSignIn.brokerProperties("CLIENT", List.of("CONTROLLER"), ADMIN_PASSWORD)))
                .containsEntry("KAFKA_LISTENERS", "CLIENT://:9092,CONTROLLER://:9093")
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "CLIENT");
        Map<String, Object> access = (Map<String, Object>) services.get("kafka-access");
        assertThat((List<String>) access.get("command")).containsExactly("--provision-kafka");
        assertThat(kafkaAccessEnvironment()).containsEntry("KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        for (String council : uk.caseqa.kafka.access.KafkaGrants.servedCouncils(Map.of())) {
            assertThat(kafkaAccessEnvironment()).as("a place for %s's case-system password", council).containsKey(
                    "KAFKA_PASSWORD_CASE_SYSTEM_" + council.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void everyVariableComposeSetsIsOneTheServiceReadsAndThePortsAgree(PlatformService service) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> container = (Map<String, Object>) services.get(service.configName());
        assertThat(container).as("compose service %s", service.configName()).isNotNull();
        String config = resource(service.configName() + ".yml") + resource("caseqa-defaults.yml");
        Set<String> read = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(config);
        while (m.find()) {
            read.add(m.group(1));
        }

        Map<String, Object> environment = (Map<String, Object>) container.get("environment");
        for (String variable : environment.keySet()) {
            assertThat(read.contains(variable) || BOOT_PROPERTIES.contains(variable))
                    .as("%s sets %s, which %s does not read", service.configName(), variable, service.configName())
                    .isTrue();
        }
        assertThat(environment).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
        assertThat(environment).as("%s checks the compose issuer's tokens", service.configName())
                .containsEntry("OAUTH2_ISSUER", "http://localhost:" + LocalAuthorizationServer.PORT)
                .containsEntry("OAUTH2_JWK_SET_URI", "http://identity:" + LocalAuthorizationServer.PORT + "/oauth2/jwks")
                .containsEntry("OAUTH2_AUDIENCE", LocalAuthorizationServer.AUDIENCE);
        assertThat(environment).as("%s signs people in to its pages at the compose issuer", service.configName())
                .containsEntry("OAUTH2_PAGES_CLIENT_ID", LocalAuthorizationServer.PAGES_CLIENT)
                .containsEntry("OAUTH2_AUTHORIZATION_URI", "http://localhost:" + LocalAuthorizationServer.PORT
                        + "/oauth2/authorize")
                .containsEntry("OAUTH2_TOKEN_URI", "http://identity:" + LocalAuthorizationServer.PORT
                        + "/oauth2/token");
        assertThat((Map<String, Object>) container.get("depends_on")).containsKeys("identity", "kafka")
                .containsEntry("kafka-access", Map.of("condition", "service_completed_successfully"));
        assertThat(environment).as("%s signs in to Kafka with the password kafka-access gave its user",
                service.configName()).containsEntry("KAFKA_PASSWORD", kafkaAccessEnvironment().get(
                        "KAFKA_PASSWORD_" + service.configName().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        assertThat(config).contains("${PORT:" + service.defaultPort() + "}");
        assertThat((List<String>) container.get("ports")).containsExactly(service.defaultPort() + ":" + service.defaultPort());
        assertThat(((Map<String, Object>) ((Map<String, Object>) container.get("build")).get("args")).get("SERVICE"))
                .isEqualTo(service.configName());
    }
}
