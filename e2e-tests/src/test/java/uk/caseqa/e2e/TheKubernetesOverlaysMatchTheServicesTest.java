package uk.caseqa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.caseqa.e2e.DockerComposeIsInStepTest.BOOT_PROPERTIES;
import static uk.caseqa.e2e.DockerComposeIsInStepTest.LIVENESS;
import static uk.caseqa.e2e.DockerComposeIsInStepTest.PROMETHEUS;
import static uk.caseqa.e2e.DockerComposeIsInStepTest.READINESS;
import static uk.caseqa.e2e.DockerComposeIsInStepTest.portDefault;
import static uk.caseqa.e2e.DockerComposeIsInStepTest.variablesRead;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.caseqa.kafka.access.KafkaGrants;
import uk.caseqa.launcher.PlatformService;

/**
 * The Kustomize overlays under deploy/kubernetes, as {@code deploy/kubernetes/render.sh} renders them into
 * target/kubernetes/, read object by object with the Kubernetes model and held against what each service reads (its
 * {@code <service>.yml} and caseqa-defaults.yml): the ports, the probes on the management port, every variable set
 * is one the service reads and every one it needs is set, an autoscaler per service, the kafka-access Job giving
 * each service's user the password its Deployment signs in with; production's replicated topics and no literal
 * secret. The checks are tried on broken copies too, so they are known to catch what they are for.
 *
 * <p>Skipped, saying why, when nothing is rendered (a machine without kubectl: {@code .ci/run} says so as well).
 */
class TheKubernetesOverlaysMatchTheServicesTest {

    static final Path REPOSITORY = Path.of("..");
    static final Path RENDERED = REPOSITORY.resolve(Path.of("target", "kubernetes"));
    static final Path KUSTOMIZE = REPOSITORY.resolve(Path.of("deploy", "kubernetes"));
    static final String LAUNCHER_IMAGE = "caseqa/platform-launcher";
    static final int UID = 1001;
    static final String LAG_METRIC = "spring_cloud_stream_binder_kafka_offset";
    static final Set<String> TOPIC_SETTINGS = Set.of("KAFKA_PARTITIONS", "KAFKA_REPLICATION_FACTOR",
            "KAFKA_MIN_INSYNC_REPLICAS", "KAFKA_RETENTION_DAYS");
    /**
     * Read with a default that only suits a laptop (localhost, no pages client): a cluster must set them, as it must
     * every variable without a default.
     */
    static final Set<String> SET_IN_A_CLUSTER = Set.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI",
            "OAUTH2_PAGES_CLIENT_ID", "OAUTH2_PAGES_CLIENT_SECRET");
    /** Names that hold a credential: their value comes from a Secret, never from the manifests. */
    static final Pattern SECRET_NAME = Pattern.compile(
            ".*(PASSWORD|SECRET|CREDENTIAL|API_KEY|PRIVATE_KEY).*|MONGODB_URI|.*_TOKEN", Pattern.CASE_INSENSITIVE);
    /** A user and password inside a URI ({@code mongodb://user:password@host}). */
    static final Pattern USERINFO = Pattern.compile("://[^/@\\s:]+:[^/@\\s]+@");

    // ---------------------------------------------------------------------------------------------------- reading

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> directories = Files.list(KUSTOMIZE.resolve("overlays"))) {
            return directories.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList()
                    .stream();
        }
    }

    private static boolean renderedByThisRun;

    /**
     * Renders the overlays once per run where kubectl is installed (so the README's test command checks the overlays
     * as they are now, with no step before it); skipped, saying why, where it is not.
     */
    static synchronized void assumeRendered() {
        if (!renderedByThisRun && kubectlInstalled()) {
            try {
                Path root = REPOSITORY.toAbsolutePath().normalize();
                Process render = new ProcessBuilder("bash", root.resolve("deploy/kubernetes/render.sh").toString())
                        .directory(root.toFile()).inheritIO().start();
                assertThat(render.waitFor()).as("bash deploy/kubernetes/render.sh: every overlay renders").isZero();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            renderedByThisRun = true;
        }
        assumeTrue(Files.isDirectory(RENDERED), () -> "SKIPPED: the Kubernetes overlays are not rendered ("
                + RENDERED.toAbsolutePath().normalize() + " is missing): run 'bash deploy/kubernetes/render.sh',"
                + " which needs kubectl (.ci/run installs it from apt where apt has it)");
    }

    private static boolean kubectlInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, "kubectl")));
    }

    /** An overlay's objects, parsed afresh at each call: a test may change them. */
    static List<HasMetadata> rendered(String overlay) throws IOException {
        assumeRendered();
        Path file = RENDERED.resolve(overlay + ".yaml");
        assertThat(file).as("render.sh renders every overlay, %s too", overlay).exists();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                Object object = Serialization.unmarshal(document);
                assertThat(object).as("a Kubernetes object with metadata in %s", file).isInstanceOf(HasMetadata.class);
                objects.add((HasMetadata) object);
            }
        }
        return objects;
    }

    /** Where a variable's value comes from, and the value where the manifests hold it. */
    record Value(String text, SecretKeySelector secret, ConfigMapKeySelector configMapKey, String configMap) {
        boolean fromSecret() {
            return secret != null;
        }

        /** Written in the manifests: the Deployment's own value, or a ConfigMap's. */
        boolean inTheManifests() {
            return secret == null && text != null;
        }
    }

    /** The objects of one overlay, looked up by kind and name. */
    record Cluster(List<HasMetadata> objects) {
        <T extends HasMetadata> List<T> all(Class<T> kind) {
            return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        }

        <T extends HasMetadata> Optional<T> named(Class<T> kind, String name) {
            return all(kind).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
        }

        /**
         * The container's environment as the kubelet gives it: every ConfigMap named in envFrom, then env (which
         * wins). A missing ConfigMap or key, or a whole Secret in envFrom (it hides which variables are set), is a
         * problem.
         */
        Map<String, Value> environment(Container container, String who, List<String> problems) {
            Map<String, Value> environment = new LinkedHashMap<>();
            for (EnvFromSource from : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                if (from.getSecretRef() != null) {
                    problems.add(who + " takes a whole Secret (" + from.getSecretRef().getName() + ") as variables:"
                            + " name each with secretKeyRef, so what is set can be checked");
                }
                if (from.getConfigMapRef() != null) {
                    String name = from.getConfigMapRef().getName();
                    Optional<ConfigMap> configMap = named(ConfigMap.class, name);
                    if (configMap.isEmpty()) {
                        problems.add(who + " takes variables from the ConfigMap " + name + ", which is not there");
                        continue;
                    }
                    String prefix = Objects.requireNonNullElse(from.getPrefix(), "");
                    Objects.requireNonNullElse(configMap.get().getData(), Map.<String, String>of())
                            .forEach((key, text) -> environment.put(prefix + key, new Value(text, null, null, name)));
                }
            }
            for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                if (variable.getValueFrom() == null) {
                    environment.put(variable.getName(), new Value(Objects.requireNonNullElse(variable.getValue(), ""),
                            null, null, null));
                } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                    environment.put(variable.getName(), new Value(null, variable.getValueFrom().getSecretKeyRef(),
                            null, null));
                } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                    ConfigMapKeySelector key = variable.getValueFrom().getConfigMapKeyRef();
                    String text = named(ConfigMap.class, key.getName())
                            .map(c -> Objects.requireNonNullElse(c.getData(), Map.<String, String>of()).get(key.getKey()))
                            .orElse(null);
                    if (text == null && !Boolean.TRUE.equals(key.getOptional())) {
                        problems.add(who + " takes " + variable.getName() + " from " + key.getName() + "/"
                                + key.getKey() + ", which is not there");
                    }
                    environment.put(variable.getName(), new Value(text, null, key, key.getName()));
                } else {
                    environment.put(variable.getName(), new Value(null, null, null, null));
                }
            }
            return environment;
        }
    }

    static String variable(String configName) {
        return configName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static Integer portNumber(IntOrString port, Container container) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort>of()).stream()
                .filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(null);
    }

    static Container onlyContainer(PodSpec pod, String who, List<String> problems) {
        if (pod.getContainers() == null || pod.getContainers().size() != 1) {
            problems.add(who + " should run exactly one container");
        }
        return pod.getContainers().get(0);
    }

    // ---------------------------------------------------------------------------------------------------- checks

    /** What is wrong with an overlay, as sentences: empty when it matches what the services read. */
    static List<String> problems(List<HasMetadata> objects) throws IOException {
        Cluster cluster = new Cluster(objects);
        List<String> problems = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            serviceProblems(cluster, service, problems);
        }
        kafkaAccessProblems(cluster, problems);
        return problems;
    }

    static void serviceProblems(Cluster cluster, PlatformService service, List<String> problems) throws IOException {
        String name = service.configName();
        int port = portDefault(service, "PORT");
        int management = portDefault(service, "MANAGEMENT_PORT");
        Map<String, String> read = variablesRead(service);
        Optional<Deployment> found = cluster.named(Deployment.class, name);
        if (found.isEmpty()) {
            problems.add("no Deployment named " + name);
            return;
        }
        Deployment deployment = found.get();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = onlyContainer(pod, name, problems);

        String image = Objects.requireNonNullElse(container.getImage(), "");
        if (!image.startsWith("caseqa/" + name + ":") || image.endsWith(":latest")) {
            problems.add(name + " runs the image " + image + ", not caseqa/" + name + " with a release's tag");
        }

        // ports: the API's and the actuator's, as the service's configuration defaults them
        Map<String, Integer> ports = new LinkedHashMap<>();
        Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort>of())
                .forEach(p -> ports.put(p.getName(), p.getContainerPort()));
        if (!Objects.equals(ports.get("http"), port)) {
            problems.add(name + "'s container port 'http' is " + ports.get("http") + ", but " + name
                    + " listens on " + port + " (PORT's default)");
        }
        if (!Objects.equals(ports.get("management"), management)) {
            problems.add(name + "'s container port 'management' is " + ports.get("management") + ", but " + name
                    + "'s actuator answers on " + management + " (MANAGEMENT_PORT's default)");
        }

        // probes: the actuator's readiness and liveness groups, on the management port
        probeProblems(name, "readiness", container.getReadinessProbe(), READINESS, management, container, problems);
        probeProblems(name, "liveness", container.getLivenessProbe(), LIVENESS, management, container, problems);
        probeProblems(name, "startup", container.getStartupProbe(), LIVENESS, management, container, problems);

        // environment: only what the service reads, and everything it cannot start (or work in a cluster) without
        Map<String, Value> environment = cluster.environment(container, name, problems);
        for (String variable : environment.keySet()) {
            if (!read.containsKey(variable) && !BOOT_PROPERTIES.contains(variable)) {
                problems.add(name + " sets " + variable + ", which " + name + " does not read");
            }
        }
        for (Map.Entry<String, String> entry : read.entrySet()) {
            String variable = entry.getKey();
            if (entry.getValue() != null && !SET_IN_A_CLUSTER.contains(variable)) {
                continue;
            }
            Value value = environment.get(variable);
            if (value == null) {
                problems.add(name + " does not set " + variable + ", which " + name + " needs ("
                        + (entry.getValue() == null ? "no default" : "its default is for a laptop") + ")");
            } else if (value.inTheManifests() && value.text().isBlank()) {
                problems.add(name + " sets " + variable + " empty, which " + name + " needs");
            }
        }
        Value kafkaPassword = environment.get("KAFKA_PASSWORD");
        if (kafkaPassword != null && !kafkaPassword.fromSecret()) {
            problems.add(name + "'s KAFKA_PASSWORD does not come from a Secret (secretKeyRef)");
        }

        // Prometheus finds the actuator by the pod's annotations
        Map<String, String> annotations = Objects.requireNonNullElse(
                deployment.getSpec().getTemplate().getMetadata().getAnnotations(), Map.of());
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !String.valueOf(management).equals(annotations.get("prometheus.io/port"))
                || !PROMETHEUS.equals(annotations.get("prometheus.io/path"))) {
            problems.add(name + "'s pods do not ask to be scraped at :" + management + PROMETHEUS + " ("
                    + annotations + ")");
        }

        // the Dockerfile's user, nothing writable but /tmp
        if (pod.getSecurityContext() == null || !Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())
                || !Objects.equals(pod.getSecurityContext().getRunAsUser(), (long) UID)) {
            problems.add(name + " does not run as non-root uid " + UID + " (the Dockerfile's user)");
        }
        if (container.getSecurityContext() == null
                || !Boolean.TRUE.equals(container.getSecurityContext().getReadOnlyRootFilesystem())
                || !Boolean.FALSE.equals(container.getSecurityContext().getAllowPrivilegeEscalation())) {
            problems.add(name + "'s container is not read-only without privilege escalation");
        }
        boolean tmp = Objects.requireNonNullElse(container.getVolumeMounts(), List.<io.fabric8.kubernetes.api.model
                .VolumeMount>of()).stream().filter(m -> "/tmp".equals(m.getMountPath()))
                .anyMatch(m -> Objects.requireNonNullElse(pod.getVolumes(), List.<io.fabric8.kubernetes.api.model
                        .Volume>of()).stream().anyMatch(v -> v.getName().equals(m.getName())
                                && v.getEmptyDir() != null));
        if (!tmp) {
            problems.add(name + " has no emptyDir at /tmp (its root file system is read-only)");
        }

        // the Service in front of the API port
        Optional<Service> serviceObject = cluster.named(Service.class, name);
        boolean served = serviceObject.isPresent() && serviceObject.get().getSpec().getPorts().stream()
                .anyMatch((ServicePort p) -> p.getPort() == port
                        && Objects.equals(portNumber(p.getTargetPort(), container), port));
        if (!served) {
            problems.add("no Service " + name + " with port " + port + " to the container's " + port);
        }

        // one autoscaler on its Deployment: CPU, from its replica count up to the topics' partitions
        List<HorizontalPodAutoscaler> autoscalers = cluster.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && name.equals(h.getSpec().getScaleTargetRef().getName())).toList();
        if (autoscalers.size() != 1) {
            problems.add(name + " has " + autoscalers.size() + " HorizontalPodAutoscalers (autoscaling/v2) on its"
                    + " Deployment, not one");
        } else {
            HorizontalPodAutoscaler autoscaler = autoscalers.get(0);
            int min = Objects.requireNonNullElse(autoscaler.getSpec().getMinReplicas(), 1);
            int max = autoscaler.getSpec().getMaxReplicas();
            boolean cpu = Objects.requireNonNullElse(autoscaler.getSpec().getMetrics(), List.<MetricSpec>of())
                    .stream().anyMatch(m -> "Resource".equals(m.getType()) && m.getResource() != null
                            && "cpu".equals(m.getResource().getName()));
            if (!cpu) {
                problems.add(name + "'s autoscaler does not scale on CPU");
            }
            if (min > max) {
                problems.add(name + "'s autoscaler has minReplicas " + min + " above maxReplicas " + max);
            }
            Integer replicas = deployment.getSpec().getReplicas();
            if (replicas == null || replicas != min) {
                problems.add(name + "'s Deployment starts " + replicas + " replicas, its autoscaler's minimum is "
                        + min);
            }
            Value partitions = environment.get("KAFKA_PARTITIONS");
            if (partitions != null && partitions.inTheManifests() && max > Integer.parseInt(partitions.text())) {
                problems.add(name + "'s autoscaler may start " + max + " replicas, but its topics have "
                        + partitions.text() + " partitions: one consumer group, so the rest would get no work");
            }
        }
        boolean budget = cluster.all(PodDisruptionBudget.class).stream().anyMatch(b -> b.getSpec().getSelector() != null
                && name.equals(Objects.requireNonNullElse(b.getSpec().getSelector().getMatchLabels(),
                        Map.<String, String>of()).get("app.kubernetes.io/name")));
        if (!budget) {
            problems.add(name + " has no PodDisruptionBudget");
        }
    }

    static void probeProblems(String name, String kind, Probe probe, String path, int management, Container container,
            List<String> problems) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(name + " has no HTTP " + kind + " probe");
            return;
        }
        Integer port = portNumber(probe.getHttpGet().getPort(), container);
        if (!Objects.equals(port, management)) {
            problems.add(name + "'s " + kind + " probe asks port " + port + ", not the management port "
                    + management);
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(name + "'s " + kind + " probe asks " + probe.getHttpGet().getPath() + ", not " + path);
        }
    }

    static void kafkaAccessProblems(Cluster cluster, List<String> problems) throws IOException {
        Optional<Job> found = cluster.named(Job.class, "kafka-access");
        if (found.isEmpty()) {
            problems.add("no Job named kafka-access (Kafka users, ACLs and topics)");
            return;
        }
        Container container = onlyContainer(found.get().getSpec().getTemplate().getSpec(), "kafka-access", problems);
        if (!Objects.requireNonNullElse(container.getImage(), "").startsWith(LAUNCHER_IMAGE + ":")
                || !Objects.requireNonNullElse(container.getArgs(), List.of()).contains("--provision-kafka")) {
            problems.add("the kafka-access Job does not run " + LAUNCHER_IMAGE + " --provision-kafka");
        }
        Map<String, Value> job = cluster.environment(container, "kafka-access", problems);
        for (String setting : TOPIC_SETTINGS) {
            if (job.get(setting) == null || !job.get(setting).inTheManifests()) {
                problems.add("the kafka-access Job is not given " + setting);
            }
        }
        if (job.get("KAFKA_REPLICATION_FACTOR") != null && job.get("KAFKA_MIN_INSYNC_REPLICAS") != null
                && job.get("KAFKA_REPLICATION_FACTOR").inTheManifests()
                && job.get("KAFKA_MIN_INSYNC_REPLICAS").inTheManifests()
                && Integer.parseInt(job.get("KAFKA_MIN_INSYNC_REPLICAS").text())
                        > Integer.parseInt(job.get("KAFKA_REPLICATION_FACTOR").text())) {
            problems.add("the kafka-access Job asks more in-sync replicas than replicas");
        }
        if (job.get("KAFKA_ADMIN_PASSWORD") == null || !job.get("KAFKA_ADMIN_PASSWORD").fromSecret()) {
            problems.add("the kafka-access Job's KAFKA_ADMIN_PASSWORD does not come from a Secret");
        }
        for (PlatformService service : PlatformService.values()) {
            String name = service.configName();
            Value given = job.get("KAFKA_PASSWORD_" + variable(name));
            Optional<Deployment> deployment = cluster.named(Deployment.class, name);
            if (given == null || !given.fromSecret()) {
                problems.add("the kafka-access Job does not give " + name + "'s user a password from a Secret");
                continue;
            }
            if (deployment.isEmpty()) {
                continue;
            }
            Map<String, Value> serviceEnvironment = cluster.environment(
                    deployment.get().getSpec().getTemplate().getSpec().getContainers().get(0), name, new ArrayList<>());
            Value signsInWith = serviceEnvironment.get("KAFKA_PASSWORD");
            if (signsInWith == null || !signsInWith.fromSecret()
                    || !Objects.equals(signsInWith.secret().getName(), given.secret().getName())
                    || !Objects.equals(signsInWith.secret().getKey(), given.secret().getKey())) {
                problems.add("the kafka-access Job gives " + name + "'s user the password in "
                        + given.secret().getName() + "/" + given.secret().getKey() + ", but " + name
                        + " signs in with " + (signsInWith == null || signsInWith.secret() == null ? "another"
                                : signsInWith.secret().getName() + "/" + signsInWith.secret().getKey()));
            }
            for (String same : List.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_PARTITIONS")) {
                String theirs = serviceEnvironment.get(same) == null ? null : serviceEnvironment.get(same).text();
                String ours = job.get(same) == null ? null : job.get(same).text();
                if (theirs != null && !Objects.equals(theirs, ours)) {
                    problems.add("the kafka-access Job's " + same + " is " + ours + ", " + name + "'s is " + theirs);
                }
            }
        }
        for (String council : KafkaGrants.servedCouncils(Map.of())) {
            if (!job.containsKey("KAFKA_PASSWORD_CASE_SYSTEM_" + variable(council))) {
                problems.add("the kafka-access Job has no place for " + council + "'s case-system password");
            }
        }
    }

    /** Production's own rules: replicated topics, secure cookies, JSON logs, the council's IdP, no literal secret. */
    static List<String> productionProblems(List<HasMetadata> objects) {
        Cluster cluster = new Cluster(objects);
        List<String> problems = new ArrayList<>();
        cluster.named(Job.class, "kafka-access").ifPresent(job -> {
            Map<String, Value> environment = cluster.environment(
                    job.getSpec().getTemplate().getSpec().getContainers().get(0), "kafka-access", problems);
            expect(environment, "KAFKA_REPLICATION_FACTOR", "3", "the kafka-access Job", problems);
            expect(environment, "KAFKA_MIN_INSYNC_REPLICAS", "2", "the kafka-access Job", problems);
        });
        for (PlatformService service : PlatformService.values()) {
            String name = service.configName();
            cluster.named(Deployment.class, name).ifPresent(deployment -> {
                Map<String, Value> environment = cluster.environment(
                        deployment.getSpec().getTemplate().getSpec().getContainers().get(0), name, problems);
                expect(environment, "PAGES_SECURE_COOKIE", "true", name, problems);
                expect(environment, "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", name, problems);
            });
            boolean lag = cluster.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .flatMap(h -> Objects.requireNonNullElse(h.getSpec().getMetrics(), List.<MetricSpec>of()).stream())
                    .anyMatch(m -> "External".equals(m.getType()) && m.getExternal() != null
                            && LAG_METRIC.equals(m.getExternal().getMetric().getName())
                            && m.getExternal().getMetric().getSelector() != null
                            && name.equals(m.getExternal().getMetric().getSelector().getMatchLabels().get("group")));
            if (!lag) {
                problems.add(name + "'s autoscaler does not scale on its group's consumer lag (" + LAG_METRIC + ")");
            }
        }
        for (Deployment deployment : cluster.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                if (Objects.requireNonNullElse(container.getArgs(), List.of()).contains("--authorization-server-only")) {
                    problems.add("production runs the local authorization server (" + deployment.getMetadata()
                            .getName() + "): it uses the council's identity provider");
                }
            }
        }
        problems.addAll(literalSecrets(cluster));
        return problems;
    }

    static void expect(Map<String, Value> environment, String variable, String expected, String who,
            List<String> problems) {
        Value value = environment.get(variable);
        if (value == null || !expected.equals(value.text())) {
            problems.add(who + " has " + variable + "=" + (value == null ? "(unset)" : value.text()) + ", not "
                    + expected);
        }
    }

    /** Every credential a workload is given comes from a Secret the overlay does not hold. */
    static List<String> literalSecrets(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        for (Secret secret : cluster.all(Secret.class)) {
            if (!Objects.requireNonNullElse(secret.getData(), Map.of()).isEmpty()
                    || !Objects.requireNonNullElse(secret.getStringData(), Map.of()).isEmpty()) {
                problems.add("the Secret " + secret.getMetadata().getName() + " is written in the manifests");
            }
        }
        for (ConfigMap configMap : cluster.all(ConfigMap.class)) {
            Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of()).forEach((key, text) -> {
                if (SECRET_NAME.matcher(key).matches() || USERINFO.matcher(text).find()
                        || text.contains("local-only")) {
                    problems.add("the ConfigMap " + configMap.getMetadata().getName() + " holds a credential in "
                            + key);
                }
            });
        }
        List<Map.Entry<String, PodSpec>> pods = new ArrayList<>();
        cluster.all(Deployment.class).forEach(d -> pods.add(Map.entry(d.getMetadata().getName(),
                d.getSpec().getTemplate().getSpec())));
        cluster.all(Job.class).forEach(j -> pods.add(Map.entry(j.getMetadata().getName(),
                j.getSpec().getTemplate().getSpec())));
        for (Map.Entry<String, PodSpec> pod : pods) {
            for (Container container : pod.getValue().getContainers()) {
                cluster.environment(container, pod.getKey(), new ArrayList<>()).forEach((variable, value) -> {
                    boolean credential = SECRET_NAME.matcher(variable).matches()
                            || (value.text() != null && USERINFO.matcher(value.text()).find());
                    if (credential && !value.fromSecret()) {
                        problems.add(pod.getKey() + " is given " + variable + " in the manifests, not from a Secret");
                    }
                });
            }
        }
        return problems;
    }

    /** The developer's overlay: the local authorization server in the cluster, one replica, one broker. */
    static List<String> devProblems(List<HasMetadata> objects) {
        Cluster cluster = new Cluster(objects);
        List<String> problems = new ArrayList<>();
        Optional<Deployment> identity = cluster.named(Deployment.class, "identity");
        if (identity.isEmpty() || !identity.get().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()
                .contains("--authorization-server-only")) {
            problems.add("dev has no identity Deployment running the launcher --authorization-server-only");
        }
        cluster.named(Job.class, "kafka-access").ifPresent(job -> expect(cluster.environment(
                job.getSpec().getTemplate().getSpec().getContainers().get(0), "kafka-access", problems),
                "KAFKA_REPLICATION_FACTOR", "1", "the kafka-access Job", problems));
        for (PlatformService service : PlatformService.values()) {
            cluster.named(Deployment.class, service.configName()).ifPresent(deployment -> {
                if (deployment.getSpec().getReplicas() != 1) {
                    problems.add(service.configName() + " runs " + deployment.getSpec().getReplicas()
                            + " replicas in dev, not 1");
                }
                Map<String, Value> environment = cluster.environment(
                        deployment.getSpec().getTemplate().getSpec().getContainers().get(0), service.configName(),
                        problems);
                expect(environment, "OAUTH2_JWK_SET_URI", "http://identity:9000/oauth2/jwks", service.configName(),
                        problems);
            });
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------- tests

    @Test
    void everyOverlayIsRenderedAndNothingChangedSince() throws IOException {
        assumeRendered();
        List<String> overlays = overlays().toList();
        assertThat(overlays).contains("dev", "production");
        FileTime oldestRendering = null;
        for (String overlay : overlays) {
            Path file = RENDERED.resolve(overlay + ".yaml");
            assertThat(file).as("render.sh renders %s", overlay).exists();
            FileTime time = Files.getLastModifiedTime(file);
            oldestRendering = oldestRendering == null || time.compareTo(oldestRendering) < 0 ? time : oldestRendering;
        }
        try (Stream<Path> sources = Files.walk(KUSTOMIZE)) {
            for (Path source : sources.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getLastModifiedTime(source))
                        .as("%s changed after the overlays were rendered: run bash deploy/kubernetes/render.sh",
                                REPOSITORY.relativize(source))
                        .isLessThanOrEqualTo(oldestRendering);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayMatchesWhatTheServicesRead(String overlay) throws IOException {
        List<HasMetadata> objects = rendered(overlay);
        assertThat(problems(objects)).as("%s (%d objects)", overlay, objects.size()).isEmpty();
        System.out.printf("%s: %d objects, five services and the kafka-access Job match the services' configuration%n",
                overlay, objects.size());
    }

    @Test
    void productionReplicatesTopicsUsesSecureCookiesAndHoldsNoSecret() throws IOException {
        assertThat(productionProblems(rendered("production"))).isEmpty();
    }

    @Test
    void devRunsTheLocalAuthorizationServerOneReplicaEachAndOneBroker() throws IOException {
        assertThat(devProblems(rendered("dev"))).isEmpty();
    }

    // -------------------------------------------------------------- the checks catch what they are for

    static Container container(List<HasMetadata> objects, String deployment) {
        return new Cluster(objects).named(Deployment.class, deployment).orElseThrow().getSpec().getTemplate()
                .getSpec().getContainers().get(0);
    }

    @Test
    void aWrongContainerPortIsCaught() throws IOException {
        List<HasMetadata> objects = rendered("production");
        container(objects, "audit-service").getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow().setContainerPort(8080);
        assertThat(problems(objects)).anySatisfy(p -> assertThat(p)
                .contains("audit-service's container port 'http' is 8080").contains("8081"));
    }

    @Test
    void aProbeOnTheWrongPortOrPathIsCaught() throws IOException {
        List<HasMetadata> objects = rendered("production");
        container(objects, "concern-service").getReadinessProbe().getHttpGet().setPort(new IntOrString(8083));
        container(objects, "reporting-service").getLivenessProbe().getHttpGet().setPath("/actuator/health");
        assertThat(problems(objects))
                .anySatisfy(p -> assertThat(p).contains("concern-service's readiness probe asks port 8083"))
                .anySatisfy(p -> assertThat(p).contains("reporting-service's liveness probe asks /actuator/health,"));
    }

    @Test
    void aVariableTheServiceDoesNotReadAndAMissingOneAreCaught() throws IOException {
        List<HasMetadata> objects = rendered("production");
        container(objects, "moderation-service").getEnv().add(new EnvVar("SMTP_HOST", "smtp.council.example", null));
        container(objects, "notification-service").getEnv().removeIf(e -> e.getName().equals("MONGODB_URI"));
        assertThat(problems(objects))
                .anySatisfy(p -> assertThat(p).isEqualTo(
                        "moderation-service sets SMTP_HOST, which moderation-service does not read"))
                .anySatisfy(p -> assertThat(p).startsWith("notification-service does not set MONGODB_URI"));
    }

    @Test
    void aServiceSigningInWithAnotherPasswordThanKafkaAccessGaveIsCaught() throws IOException {
        List<HasMetadata> objects = rendered("production");
        container(objects, "audit-service").getEnv().stream().filter(e -> e.getName().equals("KAFKA_PASSWORD"))
                .findFirst().orElseThrow().getValueFrom().getSecretKeyRef().setKey("moderation-service");
        assertThat(problems(objects)).anySatisfy(p -> assertThat(p)
                .startsWith("the kafka-access Job gives audit-service's user the password in"));
    }

    @Test
    void aLiteralPasswordInProductionIsCaught() throws IOException {
        List<HasMetadata> objects = rendered("production");
        List<EnvVar> env = container(objects, "reporting-service").getEnv();
        env.removeIf(e -> e.getName().equals("KAFKA_PASSWORD"));
        env.add(new EnvVar("KAFKA_PASSWORD", "correct-horse-battery-staple", null));
        assertThat(productionProblems(objects)).anySatisfy(p -> assertThat(p)
                .isEqualTo("reporting-service is given KAFKA_PASSWORD in the manifests, not from a Secret"));
        assertThat(problems(objects)).anySatisfy(p -> assertThat(p)
                .isEqualTo("reporting-service's KAFKA_PASSWORD does not come from a Secret (secretKeyRef)"));
    }

    @Test
    void topicsWithOneReplicaInProductionAreCaught() throws IOException {
        List<HasMetadata> objects = rendered("production");
        new Cluster(objects).all(ConfigMap.class).stream()
                .filter(c -> c.getData() != null && c.getData().containsKey("KAFKA_REPLICATION_FACTOR"))
                .forEach(c -> {
                    c.getData().put("KAFKA_REPLICATION_FACTOR", "1");
                    c.getData().put("KAFKA_MIN_INSYNC_REPLICAS", "1");
                });
        assertThat(productionProblems(objects))
                .contains("the kafka-access Job has KAFKA_REPLICATION_FACTOR=1, not 3",
                        "the kafka-access Job has KAFKA_MIN_INSYNC_REPLICAS=1, not 2");
    }

    @Test
    void anAutoscalerOnAnotherDeploymentOrBeyondThePartitionsIsCaught() throws IOException {
        List<HasMetadata> objects = rendered("production");
        Cluster cluster = new Cluster(objects);
        cluster.named(HorizontalPodAutoscaler.class, "notification-service").orElseThrow().getSpec()
                .getScaleTargetRef().setName("concern-service");
        cluster.named(HorizontalPodAutoscaler.class, "audit-service").orElseThrow().getSpec().setMaxReplicas(12);
        assertThat(problems(objects))
                .anySatisfy(p -> assertThat(p).startsWith("notification-service has 0 HorizontalPodAutoscalers"))
                .anySatisfy(p -> assertThat(p).startsWith("concern-service has 2 HorizontalPodAutoscalers"))
                .anySatisfy(p -> assertThat(p).startsWith("audit-service's autoscaler may start 12 replicas"));
    }

    @Test
    void theLocalAuthorizationServerInProductionIsCaught() throws IOException {
        List<HasMetadata> production = rendered("production");
        Deployment identity = new Cluster(rendered("dev")).named(Deployment.class, "identity").orElseThrow();
        production.add(identity);
        assertThat(productionProblems(production)).anySatisfy(p -> assertThat(p)
                .startsWith("production runs the local authorization server (identity)"));
    }
}
