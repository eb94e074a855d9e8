package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica that ends while starting is reported with the reason its log gives, so that a CI run, whose logs are gone
 * afterwards, still says why.
 */
class AFailedStartIsReportedWithItsReasonTest {

    @TempDir
    Path dir;

    @Test
    void springBootsReportIsQuotedUpToTheNextEntryOfTheLog() throws Exception {
        Path log = log("""
                2026-11-27T18:49:10.100Z  INFO [] 1 --- [reporting-service] [main] o.s.boot.tomcat.TomcatWebServer : Tomcat initialized with port 36971 (http)
                2026-11-27T18:49:12.000Z ERROR [] 1 --- [reporting-service] [main] o.s.b.d.LoggingFailureAnalysisReporter :\s

                ***************************
                APPLICATION FAILED TO START
                ***************************

                Description:

                Web server failed to start. Port 36971 was already in use.

                Action:

                Identify and stop the process that's listening on port 36971 or configure this application to listen on another port.

                2026-11-27T18:49:12.300Z  INFO [] 1 --- [reporting-service] [main] o.a.k.clients.consumer.KafkaConsumer : closing
                """);

        assertThat(ServiceProcess.why(log).lines().toList()).containsExactly("APPLICATION FAILED TO START",
                "  Description:", "  Web server failed to start. Port 36971 was already in use.", "  Action:",
                "  Identify and stop the process that's listening on port 36971 or configure this application to listen"
                        + " on another port.");
    }

    @Test
    void theRunsFailureIsQuotedWithItsCausesNotTheErrorsOfTheShutdownAfterIt() throws Exception {
        Path log = log("""
                2026-11-27T18:49:10.100Z  WARN [] 1 --- [reporting-service] [main] o.s.c.s.b.k.p.KafkaTopicProvisioner : an earlier warning
                2026-11-27T18:49:12.000Z ERROR [] 1 --- [reporting-service] [main] o.s.boot.SpringApplication : Application run failed
                org.springframework.context.ApplicationContextException: Failed to start bean 'inputBindingLifecycle'
                \tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(DefaultLifecycleProcessor.java:405)
                \tat org.springframework.boot.SpringApplication.run(SpringApplication.java:320)
                Caused by: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment.
                \t... 14 common frames omitted
                2026-11-27T18:49:13.000Z ERROR [] 1 --- [reporting-service] [main] o.s.k.l.KafkaMessageListenerContainer : Stopping container from aborted consumer
                """);

        assertThat(ServiceProcess.why(log).lines().map(String::strip).toList()).containsExactly(
                "2026-11-27T18:49:12.000Z ERROR [] 1 --- [reporting-service] [main] o.s.boot.SpringApplication : "
                        + "Application run failed",
                "org.springframework.context.ApplicationContextException: Failed to start bean 'inputBindingLifecycle'",
                "Caused by: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment.");
    }

    @Test
    void otherwiseTheLastErrorIsQuoted() throws Exception {
        Path log = log("""
                2026-11-27T18:49:10.100Z ERROR [] 1 --- [audit-service] [main] o.a.k.c.NetworkClient : first
                2026-11-27T18:49:11.100Z ERROR [] 1 --- [audit-service] [main] o.a.k.c.NetworkClient : Connection refused
                2026-11-27T18:49:12.100Z  INFO [] 1 --- [audit-service] [main] o.a.k.c.NetworkClient : after
                """);

        assertThat(ServiceProcess.why(log)).endsWith("Connection refused");
    }

    @Test
    void aLogNamingNoFailureOrNoLogAtAllAddsNothing() throws Exception {
        Path quiet = log("2026-11-27T18:49:10.100Z  INFO [] 1 --- [audit-service] [main] Starting AuditServiceApplication\n");

        assertThat(ServiceProcess.why(quiet)).isEmpty();
        assertThat(ServiceProcess.why(dir.resolve("never-written.log"))).isEmpty();
    }

    @Test
    void aReplicaThatEndedIsStartedAgainOnOtherPortsItsLogsNumberedOn() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("reporting-service.jar"), "not a jar: java ends at once");
        ServiceProcess first = new ServiceProcess(PlatformService.REPORTING, "1", notAJar, List.of(),
                Map.of("server.port", 36971, "management.server.port", 36973), dir.resolve("logs")).start();

        assertThatThrownBy(() -> first.awaitReady(Duration.ofMinutes(1)))
                .isInstanceOf(ServiceProcess.EndedBeforeReady.class)
                .hasMessageStartingWith("reporting-service-1 ended before it was ready (exit 1)");
        ServiceProcess again = first.onPorts(40001, 40003).start();
        assertThatThrownBy(() -> again.awaitReady(Duration.ofMinutes(1)))
                .isInstanceOf(ServiceProcess.EndedBeforeReady.class);

        assertThat(again.url()).isEqualTo("http://localhost:40001");
        assertThat(again.managementUrl()).isEqualTo("http://localhost:40003");
        assertThat(again.logs()).extracting(log -> log.getFileName().toString())
                .containsExactly("reporting-service-1-1.log", "reporting-service-1-2.log");
    }

    private Path log(String text) throws Exception {
        return Files.writeString(dir.resolve("service-1-1.log"), text);
    }
}
