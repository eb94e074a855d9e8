package uk.caseqa.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The five services, each as its own OS process on its executable jar ({@link ServiceProcess}), started together and
 * waited for until each is ready. Where the jars are: {@code -Dcaseqa.service-jars=<dir>} (holding
 * {@code <service>*.jar}), else each module's {@code target/} under the working directory or its parent.
 */
public final class ServiceProcesses implements PlatformServices {

    /** JVM options for a service process on a small machine: a bounded heap, a quick start. */
    public static final List<String> SMALL_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k");
    private final List<ServiceProcess> processes = new ArrayList<>();

    private ServiceProcesses() {
    }

    public static ServiceProcesses start(Function<PlatformService, Map<String, Object>> properties, Path logDir,
            List<String> jvmOptions, Duration readyWithin) throws IOException, InterruptedException {
        ServiceProcesses started = new ServiceProcesses();
        for (PlatformService service : PlatformService.values()) {
            started.processes.add(new ServiceProcess(service, "1", jarOf(service), jvmOptions,
                    properties.apply(service), logDir).start());
        }
        for (ServiceProcess process : started.processes) {
            process.awaitReady(readyWithin);
        }
        return started;
    }

    /** The executable jar of a service: the one its container image runs. */
    public static Path jarOf(PlatformService service) {
        String name = service.configName();
        List<Path> places = new ArrayList<>();
        String configured = System.getProperty("caseqa.service-jars");
        if (configured != null) {
            places.add(Path.of(configured));
        }
        places.add(Path.of(name, "target"));
        places.add(Path.of("..", name, "target"));
        for (Path dir : places) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    var jar = files.filter(f -> {
                        String file = f.getFileName().toString();
                        return file.startsWith(name) && (file.endsWith("-exec.jar") || file.equals(name + ".jar"));
                    }).findFirst();
                    if (jar.isPresent()) {
                        return jar.get().toAbsolutePath().normalize();
                    }
                } catch (IOException unreadable) {
                    throw new java.io.UncheckedIOException(unreadable);
                }
            }
        }
        throw new IllegalStateException("no executable jar for " + name + " in " + places
                + ": build it first (./mvnw -DskipTests install)");
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    @Override
    public String url(PlatformService service) {
        return processes.stream().filter(p -> p.service() == service).findFirst().orElseThrow().url();
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::close);
    }
}
