package uk.caseqa.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.launcher.ServiceProcess;
import uk.caseqa.testsupport.TopicProbe;

/**
 * What an operator relies on, with the five services as separate processes (the jars their images run) on a durable
 * broker: a trace begun by an auditor's submission (its W3C {@code traceparent}) is found, with the same trace id, in
 * the log of every service its events reached, across the outbox and Kafka; and readiness follows the broker:
 * DOWN on every service while it is stopped (liveness stays UP: nothing is restarted for it), UP once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorsFollowATraceThroughEveryServiceAndSeeReadinessFollowTheBrokerIT {

    static ChaosPlatform platform;
    static TopicProbe topics;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startThePlatformAsProcesses() throws Exception {
        platform = ChaosPlatform.inEmptied(Path.of("target", "operations").toAbsolutePath());
        platform.startServices(Map.of());
        topics = platform.topics();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void anInadequateSubmissionsTraceIdIsInTheLogOfEveryServiceItsEventsReached() {
        Workload workload = new Workload(platform, topics);
        workload.publishStaffAndCases(1);
        Workload.Audit inadequate = workload.allocate(1).stream().filter(a -> a.grade().equals("INADEQUATE"))
                .findFirst().orElseThrow();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceParent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        workload.submit(inadequate, traceParent);
        workload.moderateAndClose(inadequate);

        // audit-service took the request and published AuditCompleted; moderation-service consumed it (and so on:
        // reporting counts it, notification lists the moderator's work); each consumer's own events go on in the
        // same trace, so every service the submission reached logs the trace id
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(servicesLogging(traceId)).containsAll(List.of(PlatformService.AUDIT,
                        PlatformService.MODERATION, PlatformService.REPORTING, PlatformService.NOTIFICATION)));
        assertThat(linesWith(PlatformService.AUDIT, traceId)).anyMatch(l -> l.contains("published AuditCompleted"));
        assertThat(linesWith(PlatformService.MODERATION, traceId)).anyMatch(l -> l.contains("consumed AuditCompleted"));
        assertThat(linesWith(PlatformService.REPORTING, traceId)).anyMatch(l -> l.contains("consumed AuditCompleted"));
    }

    @Test
    @Order(2)
    void readinessGoesDownWhileTheBrokerIsStoppedAndComesBackUpWithIt() throws Exception {
        assertThat(platform.replicas).allSatisfy(r -> assertThat(status(r, "readiness")).isEqualTo(200));

        platform.stopBroker();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(platform.replicas).allSatisfy(r -> assertThat(status(r, "readiness"))
                        .as("%s readiness with the broker stopped", r.name()).isEqualTo(503)));
        assertThat(platform.replicas).allSatisfy(r -> assertThat(status(r, "liveness"))
                .as("%s liveness: a broker outage restarts nothing", r.name()).isEqualTo(200));
        assertThat(body(platform.replicas.get(0), "readiness")).contains("\"status\":\"DOWN\"");

        platform.startBroker();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(platform.replicas).allSatisfy(r -> assertThat(status(r, "readiness"))
                        .as("%s readiness with the broker back", r.name()).isEqualTo(200)));
    }

    private static Set<PlatformService> servicesLogging(String traceId) {
        Set<PlatformService> services = new TreeSet<>();
        for (PlatformService service : PlatformService.values()) {
            if (!linesWith(service, traceId).isEmpty()) {
                services.add(service);
            }
        }
        return services;
    }

    private static List<String> linesWith(PlatformService service, String traceId) {
        return platform.replicas.stream().filter(r -> r.service() == service).flatMap(r -> r.logs().stream())
                .flatMap(OperatorsFollowATraceThroughEveryServiceAndSeeReadinessFollowTheBrokerIT::lines)
                .filter(line -> line.contains(traceId)).toList();
    }

    private static Stream<String> lines(Path log) {
        try {
            return Files.readAllLines(log).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(ServiceProcess replica, String probe) throws Exception {
        return HTTP.send(request(replica, probe), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String body(ServiceProcess replica, String probe) throws Exception {
        return HTTP.send(request(replica, probe), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest request(ServiceProcess replica, String probe) {
        return HttpRequest.newBuilder(URI.create(replica.managementUrl() + "/actuator/health/" + probe))
                .timeout(Duration.ofSeconds(15)).build();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
