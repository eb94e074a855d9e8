package uk.caseqa.kafka.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import uk.caseqa.contracts.EventStream;

/**
 * What one service may do on the broker, read from its own Spring Cloud Stream bindings, so that the grants cannot
 * drift from what the service actually binds: an input binding ({@code name-in-N}) may read its topics (each of a
 * comma-separated destination) and its group, an output binding may write its topic, and a consumer may write its
 * dead-letter topic. No service may create a topic: every one is made beforehand with the deployment's settings
 * ({@link #deploymentTopics}, {@link TopicSettings}; see docs/kafka-access.md). An input without a group (reporting-service's
 * dashboard view, read whole by every replica) gets the binder's anonymous groups, {@code anonymous.*}.
 */
public record KafkaGrants(String user, Set<AclBinding> acls) {

    private static final Pattern INPUT = Pattern.compile(".+-in-\\d+");
    private static final String BINDINGS = "spring.cloud.stream.bindings";
    private static final String KAFKA_BINDINGS = "spring.cloud.stream.kafka.bindings";

    public String principal() {
        return "User:" + user;
    }

    /** The grants of {@code user} for the bindings of this (resolved) environment. */
    public static KafkaGrants of(String user, ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Map<String, String>> bindings = binder.bind(BINDINGS, Bindable.<Map<String, Map<String, String>>>of(
                ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
                        ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)))).orElse(Map.of());
        Set<AclBinding> acls = new LinkedHashSet<>();
        String principal = "User:" + user;
        bindings.forEach((name, binding) -> {
            String destination = binding.get("destination");
            if (destination == null || destination.isBlank()) {
                return;
            }
            List<String> topics = Arrays.stream(destination.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .toList();
            if (INPUT.matcher(name).matches()) {
                String group = binding.get("group");
                topics.forEach(topic -> {
                    acls.add(literal(ResourceType.TOPIC, topic, principal, AclOperation.READ));
                });
                if (group == null || group.isBlank()) {
                    acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, "anonymous.", PatternType.PREFIXED),
                            allow(principal, AclOperation.READ)));
                } else {
                    acls.add(literal(ResourceType.GROUP, group, principal, AclOperation.READ));
                    String dlq = environment.getProperty(KAFKA_BINDINGS + "." + name + ".consumer.dlq-name");
                    boolean dlqEnabled = Boolean.parseBoolean(environment.getProperty(
                            KAFKA_BINDINGS + "." + name + ".consumer.enable-dlq",
                            environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq", "false")));
                    if (dlqEnabled) {
                        List<String> deadLetterTopics = dlq != null && !dlq.isBlank() ? List.of(dlq)
                                : topics.stream().map(t -> "error." + t + "." + group).toList();
                        deadLetterTopics.forEach(t -> writes(acls, t, principal));
                    }
                }
            } else {
                topics.forEach(topic -> writes(acls, topic, principal));
            }
        });
        return new KafkaGrants(user, acls);
    }

    /**
     * The grants of a service from its configuration file on the classpath ({@code <configName>.yml} and the
     * shared {@code caseqa-defaults.yml}), with these properties first (the topic prefix, the councils): what the
     * launcher and docker-compose's provisioning step use before the service is started.
     */
    public static KafkaGrants fromConfigFile(String configName, Map<String, Object> overrides) {
        ConfigurableEnvironment environment = configuration(configName, overrides);
        String user = environment.getProperty("caseqa.kafka.username",
                environment.getProperty("spring.application.name", configName));
        return of(user, environment);
    }

    /** The councils a deployment serves ({@code caseqa.councils} of the shared defaults, or of the overrides). */
    public static List<String> servedCouncils(Map<String, Object> overrides) {
        return Binder.get(configuration(null, overrides)).bind("caseqa.councils", Bindable.listOf(String.class))
                .orElse(List.of());
    }

    /** A service's configuration as it starts: its file, the shared defaults, the council topics, overrides first. */
    private static ConfigurableEnvironment configuration(String configName, Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", Map.copyOf(overrides)));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        List<String> files = configName == null ? List.of("caseqa-defaults.yml")
                : List.of(configName + ".yml", "caseqa-defaults.yml");
        for (String file : files) {
            ClassPathResource resource = new ClassPathResource(file);
            if (!resource.exists()) {
                throw new IllegalArgumentException("no " + file + " on the classpath");
            }
            try {
                yaml.load(file, resource).forEach(environment.getPropertySources()::addLast);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        CouncilTopics.addTo(environment);
        return environment;
    }

    /**
     * A council's case-management and HR systems: they write that council's case and staff events, on that council's
     * own topics, and nothing else.
     */
    public static KafkaGrants caseSystem(String council, String topicPrefix) {
        String user = caseSystemUser(council);
        Set<AclBinding> acls = new LinkedHashSet<>();
        for (EventStream stream : caseSystemStreams()) {
            // WRITE only: the topic is made by the provisioning step, with the deployment's settings, not by a sender
            acls.add(literal(ResourceType.TOPIC, topicPrefix + stream.topicFor(council), "User:" + user,
                    AclOperation.WRITE));
        }
        return new KafkaGrants(user, acls);
    }

    /** The streams a council's case systems write, a topic per council. */
    public static List<EventStream> caseSystemStreams() {
        return List.of(EventStream.CASES, EventStream.STAFF);
    }

    public static String caseSystemUser(String council) {
        return "case-system-" + council;
    }

    /**
     * Every topic of a deployment, to be made before its services start: those the services' bindings read and
     * write ({@code services}: their grants, with their dead-letter topics) and the case systems' topics of each
     * council served.
     */
    public static List<String> deploymentTopics(java.util.Collection<KafkaGrants> services,
            Map<String, Object> deployment) {
        Set<String> topics = new LinkedHashSet<>();
        services.forEach(g -> topics.addAll(g.topics()));
        String prefix = String.valueOf(deployment.getOrDefault("caseqa.topic-prefix", ""));
        for (String council : servedCouncils(deployment)) {
            caseSystemStreams().forEach(stream -> topics.add(prefix + stream.topicFor(council)));
        }
        return List.copyOf(topics);
    }

    /** The topics these grants name, for those who create topics beforehand. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        acls.stream().filter(a -> a.pattern().resourceType() == ResourceType.TOPIC)
                .map(a -> a.pattern().name()).distinct().forEach(topics::add);
        return topics;
    }

    private static void writes(Set<AclBinding> acls, String topic, String principal) {
        acls.add(literal(ResourceType.TOPIC, topic, principal, AclOperation.WRITE));
    }

    static AclBinding literal(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL), allow(principal, operation));
    }

    private static AccessControlEntry allow(String principal, AclOperation operation) {
        return new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW);
    }
}
