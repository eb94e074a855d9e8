package uk.caseqa.launcher;

import uk.caseqa.identity.LocalAuthorizationServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The README's run, as a user runs it: its own OS process, on its fixed ports, with its data in a directory. Twenty
 * audits are submitted Inadequate and acknowledged, and the process is killed with SIGKILL at once, while their events
 * are on their way between the services. Started again on the same data, every acknowledged audit reaches its case of
 * concern and the service manager's email: nothing acknowledged is lost.
 */
class AKilledEmbeddedRunLosesNoAcknowledgedWorkIT {

    static final Path JAR = Path.of("target/platform-launcher-0.1.0-SNAPSHOT-exec.jar");
    static final Path DATA = Path.of("target/killed-run-data").toAbsolutePath();
    static final int AUDITS = 20;
    static final String AUDIT = "http://localhost:" + PlatformService.AUDIT.defaultPort();
    static final String CONCERN = "http://localhost:" + PlatformService.CONCERN.defaultPort();
    static final String NOTIFICATION = "http://localhost:" + PlatformService.NOTIFICATION.defaultPort();
    Process run;

    @AfterEach
    void stop() throws InterruptedException {
        if (run != null && run.isAlive()) {
            run.destroy();
            if (!run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                run.destroyForcibly().waitFor();
            }
        }
    }

    Process start(String logName) throws IOException {
        Path log = Path.of("target", logName);
        // the JVM options ./run-platform gives the embedded run
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@embedded-jvm.options", "-Dcaseqa.data=" + DATA, "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the run stopped (exit " + process.exitValue() + "); see " + log);
            }
            return Files.readString(log).contains("Case QA platform is up");
        });
        return process;
    }

    @Test
    void everyAuditAcknowledgedBeforeAKillReachesItsCaseOfConcernAndEmailAfterTheRestart() throws Exception {
        deleteData();
        run = start("killed-run-1.log");
        RestClient audits = RestClient.create(AUDIT);
        String qa = bearer("qa");
        String auditor = bearer("auditor");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < AUDITS; i++) {
            String caseId = "case-killed-" + i;
            DemoJourney.publish(KafkaSignIn.administrator(DATA, "127.0.0.1:" + EmbeddedPlatform.KAFKA_PORT), "",
                    DemoJourney.upstreamEvents(DemoJourney.COUNCIL, caseId, DemoJourney.TEAM));
        }
        for (int i = 0; i < AUDITS; i++) {
            String caseId = "case-killed-" + i;
            Map<?, ?> allocated = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                    () -> audits.post().uri("/audits").header("Authorization", qa)
                            .body(Map.of("caseId", caseId, "auditorId", DemoJourney.AUDITOR)).retrieve()
                            .body(Map.class), a -> a != null);
            String auditId = (String) allocated.get("auditId");
            audits.post().uri("/audits/{id}/submission", auditId).header("Authorization", auditor)
                    .body(Map.of("domainGrades", DemoJourney.everyDomain(audits, auditor, auditId, "INADEQUATE", Map.of()),
                            "overallGrade", "INADEQUATE", "rationale", "No plan addresses the risks.",
                            "familyFeedback", Map.of("respondentType", "PARENT"),
                            "otherFeedback", DemoJourney.PRACTITIONER_FEEDBACK))
                    .retrieve().toBodilessEntity();
            acknowledged.add(auditId);
        }
        run.destroyForcibly().waitFor();

        run = start("killed-run-2.log");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> acknowledged.stream().allMatch(id -> hasCaseOfConcern(id) && serviceManagerTold(id)));
        long casesOfConcern = acknowledged.stream().filter(this::hasCaseOfConcern).count();
        long told = acknowledged.stream().filter(this::serviceManagerTold).count();
        System.out.printf("killed run: %d audits acknowledged, SIGKILL, restarted: %d cases of concern, %d service"
                + " manager emails, lost %d%n", acknowledged.size(), casesOfConcern, told,
                acknowledged.size() - Math.min(casesOfConcern, told));
        assertThat(casesOfConcern).isEqualTo(AUDITS);
        assertThat(told).isEqualTo(AUDITS);
    }

    boolean hasCaseOfConcern(String auditId) {
        try {
            return RestClient.create(CONCERN).get().uri("/cases-of-concern/{id}", "coc-" + auditId)
                    .header("Authorization", bearer("service-manager")).retrieve()
                    .toBodilessEntity().getStatusCode().is2xxSuccessful();
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    boolean serviceManagerTold(String auditId) {
        List<?> notifications = RestClient.create(NOTIFICATION).get()
                .uri("/notifications?localAuthority={la}&recipientId={id}", DemoJourney.COUNCIL,
                        DemoJourney.SERVICE_MANAGER).header("Authorization", bearer("service-manager")).retrieve()
                .body(List.class);
        return notifications.stream().map(n -> (Map<?, ?>) n).anyMatch(n -> n.get("subject").toString()
                .startsWith("Case of concern coc-" + auditId + ":") && "SENT".equals(n.get("status")));
    }

    /** A demo person's token from the run's own authorization server (a new signing key at each start). */
    @SuppressWarnings("unchecked")
    static String bearer(String role) {
        Map<String, Object> token = RestClient.create("http://localhost:" + LocalAuthorizationServer.PORT).post()
                .uri("/oauth2/token").headers(h -> h.setBasicAuth(DemoJourney.COUNCIL + "-" + role,
                        LocalAuthorizationServer.SECRET))
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials").retrieve().body(Map.class);
        return "Bearer " + token.get("access_token");
    }

    static void deleteData() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> paths = Files.walk(DATA)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
