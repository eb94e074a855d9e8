package uk.caseqa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;
import uk.caseqa.identity.LocalAuthorizationServer;
import uk.caseqa.kafka.access.BrokerSignIn;
import uk.caseqa.launcher.PlatformService;

/** docker-compose.yml cannot be run here, so this keeps it in step with what each service reads. */
class DockerComposeIsInStepTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /** Spring Boot properties set through relaxed binding rather than a placeholder. */
    static final Set<String> BOOT_PROPERTIES = Set.of("LOGGING_STRUCTURED_FORMAT_CONSOLE");
    static final String READINESS = "/actuator/health/readiness";
    static final String LIVENESS = "/actuator/health/liveness";
    static final String PROMETHEUS = "/actuator/prometheus";
    /** How a container started once is told apart: it says it is not to be restarted. */
    static final String ONE_SHOT = "no";

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> containers() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DockerComposeIsInStepTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The service's own file and the shared defaults, from the source tree when it is there (as docker-compose.yml
     * and the Kubernetes overlays are read: a jar installed before an edit would be out of date), else the classpath.
     */
    static String configuration(PlatformService service) throws IOException {
        Path own = Path.of("..", service.configName(), "src", "main", "resources", service.configName() + ".yml");
        Path defaults = Path.of("..", "messaging-support", "src", "main", "resources", "caseqa-defaults.yml");
        if (Files.exists(own) && Files.exists(defaults)) {
            return Files.readString(own) + "\n" + Files.readString(defaults);
        }
        return resource(service.configName() + ".yml") + "\n" + resource("caseqa-defaults.yml");
    }

    /** Every environment variable the service reads, with its default (null: none, so it must be set). */
    static Map<String, String> variablesRead(PlatformService service) throws IOException {
        Map<String, String> read = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(configuration(service));
        while (m.find()) {
            read.putIfAbsent(m.group(1), m.group(2));
        }
        return read;
    }

    /** A numeric default of the service's configuration, e.g. PORT or MANAGEMENT_PORT. */
    static int portDefault(PlatformService service, String variable) throws IOException {
        Matcher m = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(configuration(service));
        assertThat(m.find()).as("%s has a default %s", service.configName(), variable).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static boolean isOneShot(Map<String, Object> container) {
        return ONE_SHOT.equals(container.get("restart"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIdentityContainerIsTheLauncherOnlyAsTheLocalAuthorizationServer() throws IOException {
        Map<String, Object> identity = containers().get("identity");
        assertThat((List<String>) identity.get("command")).containsExactly("--authorization-server-only");
        assertThat((List<String>) identity.get("ports")).as("demo secrets: this machine only").containsExactly(
                "127.0.0.1:" + LocalAuthorizationServer.PORT + ":" + LocalAuthorizationServer.PORT);
        assertThat(((Map<String, Object>) ((Map<String, Object>) identity.get("build")).get("args")).get("SERVICE"))
                .isEqualTo("platform-launcher");
    }

    static final String ADMIN_PASSWORD = "${KAFKA_ADMIN_PASSWORD:-local-only-kafka-admin}";

    @SuppressWarnings("unchecked")
    static Map<String, Object> kafkaAccessEnvironment() throws IOException {
        return (Map<String, Object>) containers().get("kafka-access").get("environment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrokerSignsEveryoneInAsTheEmbeddedOnesDoAndKafkaAccessGrantsWithItsAdministrator() throws IOException {
        Map<String, Object> kafka = (Map<String, Object>) containers().get("kafka").get("environment");
        // the client listener inside the network, the host's listener on this machine: both sign in as the
        // embedded broker's client listener does; the protocol map names the three listeners
        Map<String, String> expected = new LinkedHashMap<>(BrokerSignIn.brokerProperties("CLIENT",
                List.of("CONTROLLER"), ADMIN_PASSWORD));
        expected.putAll(BrokerSignIn.brokerProperties("HOST", List.of("CONTROLLER"), ADMIN_PASSWORD));
        expected.remove("listener.security.protocol.map");
        assertThat(kafka).containsAllEntriesOf(BrokerSignIn.asImageEnvironment(expected))
                .containsEntry("KAFKA_LISTENERS", "CLIENT://:9092,CONTROLLER://:9093,HOST://:29092")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "CLIENT://kafka:9092,HOST://localhost:29092")
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "CLIENT");
        assertThat(Set.of(((String) kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")))
                .as("every listener signs in (SASL)")
                .containsExactlyInAnyOrder("CLIENT:SASL_PLAINTEXT", "CONTROLLER:SASL_PLAINTEXT", "HOST:SASL_PLAINTEXT");
        assertThat((List<String>) containers().get("kafka").get("ports")).as("the host's listener: this machine only")
                .containsExactly("127.0.0.1:29092:29092");
        assertThat(kafka).as("topics are provisioned, never made on first use")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        Map<String, Object> access = containers().get("kafka-access");
        assertThat((List<String>) access.get("command")).containsExactly("--provision-kafka");
        assertThat(kafkaAccessEnvironment()).containsEntry("KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        for (String council : uk.caseqa.kafka.access.KafkaGrants.servedCouncils(Map.of())) {
            assertThat(kafkaAccessEnvironment()).as("a place for %s's case-system password", council).containsKey(
                    "KAFKA_PASSWORD_CASE_SYSTEM_" + council.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @Test
    void kafkaAccessMakesTheTopicsWithOneReplicaOnTheOneBroker() throws IOException {
        assertThat(kafkaAccessEnvironment())
                .containsKeys("KAFKA_PARTITIONS", "KAFKA_RETENTION_DAYS")
                .containsEntry("KAFKA_REPLICATION_FACTOR", 1)
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 1);
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void everyVariableComposeSetsIsOneTheServiceReadsAndThePortsAgree(PlatformService service) throws IOException {
        Map<String, Object> container = containers().get(service.configName());
        assertThat(container).as("compose service %s", service.configName()).isNotNull();
        Set<String> read = variablesRead(service).keySet();

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
        assertThat(environment).as("%s sends its traces to Jaeger", service.configName())
                .containsEntry("TRACING_EXPORT_ENABLED", "true")
                .containsEntry("TRACING_OTLP_ENDPOINT", "http://jaeger:4318/v1/traces");
        assertThat(containers()).containsKey("jaeger");
        assertThat((Map<String, Object>) container.get("depends_on")).containsKeys("identity", "kafka")
                .containsEntry("kafka-access", Map.of("condition", "service_completed_successfully"));
        assertThat(environment).as("%s signs in to Kafka with the password kafka-access gave its user",
                service.configName()).containsEntry("KAFKA_PASSWORD", kafkaAccessEnvironment().get(
                        "KAFKA_PASSWORD_" + service.configName().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        assertThat(configuration(service)).contains("${PORT:" + service.defaultPort() + "}");
        assertThat((List<String>) container.get("ports")).containsExactly(service.defaultPort() + ":" + service.defaultPort());
        assertThat(((Map<String, Object>) ((Map<String, Object>) container.get("build")).get("args")).get("SERVICE"))
                .isEqualTo(service.configName());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyContainerThatKeepsRunningHasAHealthCheckAndEveryOneShotSaysSo() throws IOException {
        containers().forEach((name, container) -> {
            if (isOneShot(container)) {
                assertThat(container).as("%s runs once: nothing to check the health of", name)
                        .doesNotContainKey("healthcheck");
                return;
            }
            Map<String, Object> healthcheck = (Map<String, Object>) container.get("healthcheck");
            assertThat(healthcheck).as("%s has a health check", name).isNotNull();
            assertThat(healthcheck.get("disable")).as("%s's health check is on", name).isNotEqualTo(true);
            Object test = healthcheck.get("test");
            assertThat(test instanceof List<?> list && list.size() > 1 && !"NONE".equals(list.get(0)))
                    .as("%s's health check runs a command: %s", name, test).isTrue();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDependencyWaitsForAHealthyContainerOrACompletedOneShot() throws IOException {
        Map<String, Map<String, Object>> containers = containers();
        containers.forEach((name, container) -> {
            Object dependsOn = container.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as("%s names a condition for each dependency (not a bare list)", name)
                    .isInstanceOf(Map.class);
            ((Map<String, Object>) dependsOn).forEach((dependency, how) -> {
                Map<String, Object> other = containers.get(dependency);
                assertThat(other).as("%s depends on %s, which compose does not run", name, dependency).isNotNull();
                Object condition = how instanceof Map<?, ?> map ? map.get("condition") : null;
                String expected = isOneShot(other) ? "service_completed_successfully" : "service_healthy";
                assertThat(condition).as("%s waits for %s: %s", name, dependency, expected).isEqualTo(expected);
            });
        });
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void eachServicesHealthCheckAsksItsReadinessOnItsManagementPort(PlatformService service) throws IOException {
        int management = portDefault(service, "MANAGEMENT_PORT");
        assertThat(management).as("the launcher's management port of %s", service.configName())
                .isEqualTo(service.managementPort());
        Map<String, Object> healthcheck = (Map<String, Object>) containers().get(service.configName())
                .get("healthcheck");
        String command = String.join(" ", ((List<Object>) healthcheck.get("test")).stream().map(String::valueOf)
                .toList());
        assertThat(command).contains("http://localhost:" + management + READINESS);
        assertThat(command).as("a 503 (DOWN) fails the check").contains("curl -f");
    }

    @SuppressWarnings("unchecked")
    static Set<String> prometheusTargets(Map<String, Object> prometheusYml, String metricsPath) {
        return ((List<Map<String, Object>>) prometheusYml.get("scrape_configs")).stream()
                .filter(job -> metricsPath.equals(job.get("metrics_path")))
                .flatMap(job -> ((List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())).stream())
                .flatMap(config -> ((List<String>) config.get("targets")).stream())
                .collect(Collectors.toSet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEachServicesManagementPortAndComposeGivesItTheConfiguration() throws IOException {
        Path config = Path.of("..", "deploy", "prometheus", "prometheus.yml");
        Map<String, Object> prometheus = new Yaml().load(Files.readString(config));
        Set<String> targets = prometheusTargets(prometheus, PROMETHEUS);
        for (PlatformService service : PlatformService.values()) {
            assertThat(targets).as("Prometheus scrapes %s's actuator", service.configName())
                    .contains(service.configName() + ":" + portDefault(service, "MANAGEMENT_PORT"));
        }
        for (String rules : (List<String>) prometheus.get("rule_files")) {
            assertThat(config.resolveSibling(rules)).as("the alert rules %s", rules).exists();
        }
        Map<String, Object> container = containers().get("prometheus");
        assertThat((List<String>) container.get("volumes")).contains("./deploy/prometheus:/etc/prometheus:ro");
        assertThat((List<String>) container.get("command"))
                .contains("--config.file=/etc/prometheus/prometheus.yml");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSeedRunsOnceWhenEveryServiceIsHealthy() throws IOException {
        Map<String, Object> seed = containers().get("seed");
        assertThat((List<String>) seed.get("command")).containsExactly("--seed-demo");
        assertThat(isOneShot(seed)).isTrue();
        Map<String, Object> dependsOn = (Map<String, Object>) seed.get("depends_on");
        Map<String, Object> environment = (Map<String, Object>) seed.get("environment");
        for (PlatformService service : PlatformService.values()) {
            assertThat(dependsOn).containsEntry(service.configName(), Map.of("condition", "service_healthy"));
            String variable = service.configName().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
            assertThat(environment).as("the seed calls %s inside the network", service.configName())
                    .containsEntry(variable, "http://" + service.configName() + ":" + service.defaultPort());
        }
        assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    @Test
    void everyImageIsBuiltHereOrPinned() throws IOException {
        // a rebuild next month is the same system: no "latest"
        Map<String, Map<String, Object>> containers = containers();
        containers.forEach((name, container) -> {
            Object image = container.get("image");
            if (image != null) {
                assertThat(String.valueOf(image)).as("%s's image is pinned", name).contains(":")
                        .doesNotEndWith(":latest");
            } else {
                assertThat(container).as("%s is built here", name).containsKey("build");
            }
        });
        assertThat(containers).containsKeys("kafka", "mongo", "mailpit", "prometheus", "grafana", "jaeger");
    }
}
