package uk.caseqa.kafka.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the embedded brokers (the tests' and the embedded run's) are secured, and how their clients sign in: every
 * listener takes SASL only; services and case systems sign in with SCRAM-SHA-512 (users and passwords kept by the
 * broker, written by {@link KafkaAccess}); the broker itself and its administrator with PLAIN as {@value #ADMIN},
 * a super user whose password is set at start. The standard authorizer refuses whatever no ACL allows.
 */
public final class BrokerSignIn {

    public static final String ADMIN = "admin";
    public static final String SCRAM = "SCRAM-SHA-512";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private BrokerSignIn() {
    }

    /**
     * Broker properties for a node whose clients connect on {@code clientListener} and whose own connections (the
     * controller's, another broker's) use {@code internalListeners}: PLAIN as the administrator there, nothing else.
     */
    public static Map<String, String> brokerProperties(String clientListener, List<String> internalListeners,
            String adminPassword) {
        String client = clientListener.toLowerCase(Locale.ROOT);
        String admin = PLAIN_LOGIN + " required username=\"" + ADMIN + "\" password=\"" + adminPassword
                + "\" user_" + ADMIN + "=\"" + adminPassword + "\";";
        Map<String, String> p = new LinkedHashMap<>();
        StringBuilder protocols = new StringBuilder(clientListener + ":SASL_PLAINTEXT");
        internalListeners.forEach(l -> protocols.append(',').append(l).append(":SASL_PLAINTEXT"));
        p.put("listener.security.protocol.map", protocols.toString());
        p.put("sasl.enabled.mechanisms", SCRAM + ",PLAIN");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name." + client + ".sasl.enabled.mechanisms", SCRAM + ",PLAIN");
        p.put("listener.name." + client + ".plain.sasl.jaas.config", admin);
        p.put("listener.name." + client + ".scram-sha-512.sasl.jaas.config", SCRAM_LOGIN + " required;");
        for (String internal : internalListeners) {
            String name = internal.toLowerCase(Locale.ROOT);
            p.put("listener.name." + name + ".sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name." + name + ".plain.sasl.jaas.config", admin);
        }
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /**
     * The same properties as the apache/kafka image's environment variables ({@code KAFKA_} and the key in capitals,
     * '.' as '_', '_' as '__', '-' as '___'), for a container.
     */
    public static Map<String, String> asImageEnvironment(Map<String, String> properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        properties.forEach((key, value) -> environment.put("KAFKA_" + key.replace("_", "__").replace("-", "___")
                .replace('.', '_').toUpperCase(Locale.ROOT), value));
        return environment;
    }

    /** A client signed in as the administrator (a super user). */
    public static Map<String, Object> adminClient(String bootstrapServers, String adminPassword) {
        return plainClient(bootstrapServers, ADMIN, adminPassword);
    }

    /** A client signed in with PLAIN as {@code user} (a broker's own administrators). */
    public static Map<String, Object> plainClient(String bootstrapServers, String user, String password) {
        return client(bootstrapServers, "PLAIN", PLAIN_LOGIN, user, password);
    }

    /** A client signed in as {@code user} with SCRAM-SHA-512. */
    public static Map<String, Object> userClient(String bootstrapServers, String user, String password) {
        return client(bootstrapServers, SCRAM, SCRAM_LOGIN, user, password);
    }

    /** The services' properties that make them sign in as {@code user} with this password. */
    public static Map<String, Object> serviceProperties(String password) {
        return Map.of("caseqa.kafka.password", password);
    }

    private static Map<String, Object> client(String bootstrapServers, String mechanism, String module, String user,
            String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", mechanism);
        p.put("sasl.jaas.config", module + " required username=\"" + user + "\" password=\"" + password + "\";");
        return p;
    }

    /** A password for a user of an embedded broker: 24 random letters and digits. */
    public static String newPassword() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
