package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void springBootsReportIsQuotedAsItIs() throws Exception {
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
                """);

        assertThat(ServiceProcess.why(log))
                .startsWith(":\n  APPLICATION FAILED TO START")
                .contains("Web server failed to start. Port 36971 was already in use.")
                .doesNotContain("Tomcat initialized");
    }

    @Test
    void anErrorIsQuotedWithItsCausesButNotTheirStackFrames() throws Exception {
        Path log = log("""
                2026-11-27T18:49:10.100Z  WARN [] 1 --- [reporting-service] [main] o.s.c.s.b.k.p.KafkaTopicProvisioner : an earlier warning
                2026-11-27T18:49:12.000Z ERROR [] 1 --- [reporting-service] [main] o.s.boot.SpringApplication : Application run failed
                org.springframework.context.ApplicationContextException: Failed to start bean 'inputBindingLifecycle'
                \tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(DefaultLifecycleProcessor.java:405)
                \tat org.springframework.boot.SpringApplication.run(SpringApplication.java:320)
                Caused by: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment.
                \t... 14 common frames omitted
                """);

        assertThat(ServiceProcess.why(log).lines().map(String::strip).toList()).containsExactly(":",
                "2026-11-27T18:49:12.000Z ERROR [] 1 --- [reporting-service] [main] o.s.boot.SpringApplication : "
                        + "Application run failed",
                "org.springframework.context.ApplicationContextException: Failed to start bean 'inputBindingLifecycle'",
                "Caused by: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment.");
    }

    @Test
    void aLogNamingNoFailureOrNoLogAtAllAddsNothing() throws Exception {
        Path quiet = log("2026-11-27T18:49:10.100Z  INFO [] 1 --- [audit-service] [main] Starting AuditServiceApplication\n");

        assertThat(ServiceProcess.why(quiet)).isEmpty();
        assertThat(ServiceProcess.why(dir.resolve("never-written.log"))).isEmpty();
    }

    private Path log(String text) throws Exception {
        return Files.writeString(dir.resolve("service-1-1.log"), text);
    }
}
