package uk.caseqa.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica of a service as its own OS process: {@code java -jar} on the service's executable jar (the jar the
 * Dockerfile puts in the service's image), configured with command-line properties, as a container's environment
 * configures it. It can be started, killed with SIGKILL, stopped with SIGTERM and started again; each start writes its
 * own log file ({@code <service>-<replica>-<start>.log}).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    /** Lines of a failed start's log quoted in the message that reports it. */
    private static final int WHY_LINES = 12;
    /** The start of a log entry: its timestamp. */
    private static final Pattern LOG_ENTRY = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformService service;
    private final String replica;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, Object> properties;
    private final Path logDir;
    private final int port;
    private final int managementPort;
    private final List<Path> logs = new ArrayList<>();
    private Process process;

    /** A replica's process ended while it was starting: its message says why, from the log. */
    public static final class EndedBeforeReady extends IllegalStateException {
        EndedBeforeReady(String message) {
            super(message);
        }
    }

    /**
     * @param properties the service's settings (as {@code --key=value}); {@code server.port} and
     *     {@code management.server.port} must be among them
     */
    public ServiceProcess(PlatformService service, String replica, Path jar, List<String> jvmOptions,
            Map<String, Object> properties, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no executable jar for " + service.configName() + " at " + jar
                    + ": build it first (./mvnw -DskipTests install)");
        }
        Object port = properties.get("server.port");
        if (port == null || Integer.parseInt(port.toString()) <= 0) {
            throw new IllegalArgumentException("a service process needs a fixed server.port, not " + port);
        }
        this.service = service;
        this.replica = replica;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.properties = new LinkedHashMap<>(properties);
        this.logDir = logDir;
        this.port = Integer.parseInt(port.toString());
        Object management = properties.get("management.server.port");
        if (management == null || Integer.parseInt(management.toString()) <= 0) {
            throw new IllegalArgumentException("a service process needs a fixed management.server.port, not "
                    + management);
        }
        this.managementPort = Integer.parseInt(management.toString());
    }

    /**
     * This replica again, not started, on other ports (a port found free may be taken by the time a slow start binds
     * it); its logs are numbered on from this one's.
     */
    public ServiceProcess onPorts(int serverPort, int managementServerPort) {
        Map<String, Object> moved = new LinkedHashMap<>(properties);
        moved.put("server.port", serverPort);
        moved.put("management.server.port", managementServerPort);
        ServiceProcess again = new ServiceProcess(service, replica, jar, jvmOptions, moved, logDir);
        again.logs.addAll(logs);
        return again;
    }

    public PlatformService service() {
        return service;
    }

    public String name() {
        return service.configName() + "-" + replica;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Where its actuator answers: probes, metrics. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** Every log file this replica has written, one per start, oldest first. */
    public List<Path> logs() {
        return List.copyOf(logs);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the process (it must not be running); returns at once. */
    public synchronized ServiceProcess start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name() + " is already running (pid " + process.pid() + ")");
        }
        Files.createDirectories(logDir);
        Path logFile = logDir.resolve(name() + "-" + (logs.size() + 1) + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        // passwords and secrets in the process's environment, as a container gets them: not on a command line that
        // ps shows
        Map<String, String> secrets = new java.util.HashMap<>();
        properties.forEach((key, value) -> {
            if (key.endsWith("password") || key.endsWith("secret")) {
                secrets.put(key.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT),
                        String.valueOf(value));
            } else {
                command.add("--" + key + "=" + value);
            }
        });
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(secrets);
        process = builder.start();
        logs.add(logFile);
        log.info("started {} (pid {}, port {}), log {}", name(), process.pid(), port, logFile);
        return this;
    }

    /** Waits until the service reports ready on its readiness probe; fails at once if the process ends first. */
    public void awaitReady(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            Process current;
            synchronized (this) {
                current = process;
            }
            if (current == null || !current.isAlive()) {
                Path lastLog = logs.get(logs.size() - 1);
                String why = why(lastLog);
                throw new EndedBeforeReady(name() + " ended before it was ready (exit "
                        + (current == null ? "-" : current.exitValue()) + "); "
                        + (why.isEmpty() ? "see " + lastLog : lastLog + " says:\n  " + why));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name() + " was not ready within " + atMost + "; see " + logs.get(logs.size() - 1));
    }

    /**
     * Why a start failed, from its log, for the message that reports it (where the log itself may be gone, as on a CI
     * machine): Spring Boot's "APPLICATION FAILED TO START" report, else its "Application run failed" error with the
     * exception and its causes, else the last error logged; each up to the next entry of the log, without stack
     * frames. Empty if the log names none of them.
     */
    static String why(Path log) {
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException unreadable) {
            return "";
        }
        int from = lastContaining(lines, "APPLICATION FAILED TO START");
        if (from < 0) {
            from = lastContaining(lines, "Application run failed");
        }
        if (from < 0) {
            from = lastContaining(lines, " ERROR ");
        }
        List<String> why = new ArrayList<>();
        for (int i = from; i >= 0 && i < lines.size() && why.size() < WHY_LINES; i++) {
            String line = lines.get(i);
            if (i > from && LOG_ENTRY.matcher(line).lookingAt()) {
                break; // the next entry (the context closing after the failure) is not part of it
            }
            if (!line.isBlank() && !line.startsWith("\t") && !line.startsWith("***")) {
                why.add(line);
            }
        }
        return String.join("\n  ", why);
    }

    private static int lastContaining(List<String> lines, String text) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** SIGKILL: the process ends at once, with no shutdown hook, mid-write if it was writing. */
    public synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
            log.info("killed {} (SIGKILL)", name());
        }
    }

    /** SIGTERM, then SIGKILL if the service has not stopped within 30 s. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 30 s of SIGTERM: killing it", name());
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
