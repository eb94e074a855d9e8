package uk.caseqa.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import uk.caseqa.kafka.access.BrokerSignIn;
import uk.caseqa.kafka.access.KafkaAccess;
import uk.caseqa.kafka.access.KafkaGrants;
import uk.caseqa.kafka.access.TopicSettings;

/**
 * Who signs in to the embedded run's broker: each service as itself, granted what its own bindings need (a new
 * password each start); each council's case system, granted its council's case and staff events; and, for
 * {@code ./dead-letters}, whoever the environment names or else the node's administrator.
 */
public final class KafkaSignIn {

    private KafkaSignIn() {
    }

    /**
     * Creates every topic of the deployment (local settings: one broker), the services' users and grants; returns the
     * properties each service signs in with.
     */
    public static Map<PlatformService, Map<String, Object>> services(Map<String, Object> adminClient,
            String topicPrefix) {
        KafkaAccess access = new KafkaAccess(adminClient);
        Map<PlatformService, Map<String, Object>> signIn = new EnumMap<>(PlatformService.class);
        List<KafkaGrants> grants = new java.util.ArrayList<>();
        Map<String, String> passwords = new java.util.HashMap<>();
        for (PlatformService service : PlatformService.values()) {
            KafkaGrants granted = KafkaGrants.fromConfigFile(service.configName(),
                    Map.of("caseqa.topic-prefix", topicPrefix));
            String password = BrokerSignIn.newPassword();
            passwords.put(granted.user(), password);
            grants.add(granted);
            signIn.put(service, Map.of("caseqa.kafka.username", granted.user(), "caseqa.kafka.password", password));
        }
        access.topics(KafkaGrants.deploymentTopics(grants, Map.of("caseqa.topic-prefix", topicPrefix)),
                TopicSettings.local());
        access.users(passwords);
        access.grant(grants);
        return signIn;
    }

    /** Creates the council's case-system user (a new password) and grants; returns its client's properties. */
    public static Map<String, Object> caseSystem(Map<String, Object> adminClient, String council, String topicPrefix) {
        KafkaAccess access = new KafkaAccess(adminClient);
        KafkaGrants granted = KafkaGrants.caseSystem(council, topicPrefix);
        access.topics(granted.topics(), TopicSettings.local());
        String password = BrokerSignIn.newPassword();
        access.users(Map.of(granted.user(), password));
        access.grant(List.of(granted));
        return BrokerSignIn.userClient(String.valueOf(adminClient.get("bootstrap.servers")), granted.user(), password);
    }

    /**
     * docker-compose's {@code kafka-access} step, and a cluster's: as the broker's administrator
     * ({@code KAFKA_ADMIN_PASSWORD}, PLAIN), makes every topic with the deployment's settings ({@link TopicSettings}:
     * {@code KAFKA_PARTITIONS}, {@code KAFKA_REPLICATION_FACTOR}, {@code KAFKA_MIN_INSYNC_REPLICAS},
     * {@code KAFKA_RETENTION_DAYS}), writes each service's user with its password
     * ({@code KAFKA_PASSWORD_AUDIT_SERVICE}, ...) and the grants its bindings need, and each council's case system
     * whose password is given ({@code KAFKA_PASSWORD_CASE_SYSTEM_SWINDON}, ...). Waits up to two minutes for the
     * broker. Returns what it did, for the log.
     */
    static String provision(Map<String, String> environment) throws InterruptedException {
        String bootstrap = required(environment, "KAFKA_BOOTSTRAP_SERVERS");
        // the deployment's own prefix and councils, as the services read them
        Map<String, Object> deployment = new java.util.HashMap<>();
        java.util.Optional.ofNullable(environment.get("CASEQA_TOPIC_PREFIX"))
                .ifPresent(p -> deployment.put("caseqa.topic-prefix", p));
        java.util.Optional.ofNullable(environment.get("CASEQA_COUNCILS"))
                .ifPresent(c -> deployment.put("caseqa.councils", c));
        String prefix = String.valueOf(deployment.getOrDefault("caseqa.topic-prefix", ""));
        TopicSettings topicSettings = TopicSettings.fromEnvironment(environment);
        KafkaAccess access = new KafkaAccess(BrokerSignIn.adminClient(bootstrap,
                required(environment, "KAFKA_ADMIN_PASSWORD")));
        Map<String, String> passwords = new java.util.LinkedHashMap<>();
        List<KafkaGrants> grants = new java.util.ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            Map<String, Object> overrides = new java.util.HashMap<>(deployment);
            String variable = service.configName().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            java.util.Optional.ofNullable(environment.get("KAFKA_USERNAME_" + variable))
                    .ifPresent(u -> overrides.put("caseqa.kafka.username", u));
            KafkaGrants granted = KafkaGrants.fromConfigFile(service.configName(), overrides);
            passwords.put(granted.user(), required(environment, "KAFKA_PASSWORD_" + variable));
            grants.add(granted);
        }
        List<String> topicsOfTheDeployment = KafkaGrants.deploymentTopics(grants, deployment);
        for (String council : KafkaGrants.servedCouncils(deployment)) {
            String user = KafkaGrants.caseSystemUser(council);
            String password = environment.get(passwordVariable(user));
            if (password != null && !password.isBlank()) {
                passwords.put(user, password);
                grants.add(KafkaGrants.caseSystem(council, prefix));
            }
        }
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                access.users(passwords);
                break;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(2000);
            }
        }
        String topics = access.topics(topicsOfTheDeployment, topicSettings);
        access.grant(grants);
        return topics + " (" + topicSettings + "), " + passwords.size() + " Kafka users ("
                + String.join(", ", passwords.keySet()) + "), " + grants.stream().mapToInt(g -> g.acls().size()).sum()
                + " ACLs";
    }

    /** {@code KAFKA_PASSWORD_} and the user in capitals, '-' as '_': {@code KAFKA_PASSWORD_AUDIT_SERVICE}. */
    static String passwordVariable(String user) {
        return "KAFKA_PASSWORD_" + user.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    /**
     * The operator of {@code ./dead-letters}: {@code KAFKA_USERNAME} and {@code KAFKA_PASSWORD} when set (SCRAM-SHA-512,
     * or {@code KAFKA_SASL_MECHANISM=PLAIN} for a broker's administrator), otherwise the embedded run's administrator,
     * from the file beside its data.
     */
    static Map<String, Object> operator(String bootstrapServers) throws java.io.IOException {
        String user = System.getenv("KAFKA_USERNAME");
        String password = System.getenv("KAFKA_PASSWORD");
        if (user != null && password != null) {
            return "PLAIN".equals(System.getenv("KAFKA_SASL_MECHANISM"))
                    ? BrokerSignIn.plainClient(bootstrapServers, user, password)
                    : BrokerSignIn.userClient(bootstrapServers, user, password);
        }
        return administrator(Path.of(System.getProperty("caseqa.data", ".caseqa-data")), bootstrapServers);
    }

    /** A client signed in as the administrator of the embedded run whose data is in {@code data}. */
    public static Map<String, Object> administrator(Path data, String bootstrapServers) throws java.io.IOException {
        Path file = DurableKafka.adminFile(data.toAbsolutePath().resolve("kafka"));
        if (!Files.exists(file)) {
            throw new IllegalStateException("no KAFKA_USERNAME and KAFKA_PASSWORD set, and no " + file
                    + " (the embedded run's administrator) to sign in with");
        }
        Properties kept = new Properties();
        try (var in = Files.newInputStream(file)) {
            kept.load(in);
        }
        return BrokerSignIn.adminClient(bootstrapServers, kept.getProperty("password"));
    }
}
