package uk.caseqa.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.testsupport.TopicProbe;

/**
 * The chaos suite: the five services as separate OS processes (the jars their images run), two replicas each of
 * concern- and notification-service, on a durable broker. Three councils' staff allocate, submit, moderate, take to
 * the panel and close audits (a third Inadequate, a third Requires Improvement) while every replica is killed with
 * SIGKILL at a random moment and started again, and the broker is restarted; then the clock all services read moves
 * 25 hours and 44 days, so safety plans, re-audits and IRO comments fall due. The ledger then compares what must have
 * happened with what did, and prints it. {@code -Dcaseqa.chaos.soak=true}: more audits, three rounds of kills.
 */
class EveryServiceKilledAndTheBrokerRestartedLosesAndDuplicatesNothingIT {

    static final boolean SOAK = Boolean.getBoolean("caseqa.chaos.soak");
    static final int CASES_PER_COUNCIL = SOAK ? 40 : 8;
    static final int ROUNDS = SOAK ? 3 : 1;
    static final Duration WAVE_PAUSE = Duration.ofSeconds(SOAK ? 4 : 8);
    static final long SEED = Long.getLong("caseqa.chaos.seed", System.nanoTime());
    static ChaosPlatform platform;
    static TopicProbe topics;

    @BeforeAll
    static void startThePlatformAsProcesses() throws Exception {
        platform = ChaosPlatform.inEmptied(Path.of("target", "chaos").toAbsolutePath());
        platform.startServices(Map.of(PlatformService.CONCERN, 2, PlatformService.NOTIFICATION, 2));
        topics = platform.topics();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyInadequateAuditHasOneCaseOfConcernOneReAuditAndOneEmailPerRecipientAndEveryDeadlineFiresOnce()
            throws Exception {
        long started = System.nanoTime();
        Workload workload = new Workload(platform, topics);
        workload.publishStaffAndCases(CASES_PER_COUNCIL);
        List<Workload.Audit> audits = workload.allocate(CASES_PER_COUNCIL);

        Disruptor disruptor = new Disruptor(platform, SEED, ROUNDS, () -> workload.burstOfNewStaff(150));
        Thread chaos = new Thread(disruptor, "chaos");
        chaos.start();
        // a wave of one audit per council at a time, spread over the kills, so services die mid-flow
        for (int wave = 0; wave < audits.size(); wave += Workload.COUNCILS.size()) {
            List<Workload.Audit> these = audits.subList(wave, Math.min(audits.size(), wave + Workload.COUNCILS.size()));
            these.forEach(workload::submit);
            these.forEach(workload::moderateAndClose);
            if (chaos.isAlive()) {
                Thread.sleep(WAVE_PAUSE.toMillis());
            }
        }
        platform.moveClockTo(Duration.ofHours(25)); // safety plans overdue
        Thread.sleep(5_000); // the deadline scans run every second: the 25-hour deadlines fire before the next move
        platform.moveClockTo(Duration.ofDays(44)); // re-audits overdue, IRO comments overdue
        chaos.join();
        assertThat(disruptor.failure).as("the disruptor's own failure (a replica that did not come back)").isNull();

        Ledger ledger = new Ledger(platform, topics);
        try {
            Workload.retry("every expected effect", () -> {
                try {
                    return ledger.count(audits, workload.upstreamEventIds).lost().isEmpty() ? true : null;
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            });
            Thread.sleep(10_000); // quiet: anything that would be sent twice has had its chance
        } catch (org.awaitility.core.ConditionTimeoutException stillMissing) {
            // the ledger below prints what is missing
        }
        Ledger.Figures         figures = ledger.count(audits, workload.upstreamEventIds);

        System.out.printf("""

                chaos ledger (seed %d%s, %.0f s)
                  audits %d in 3 councils (Inadequate %d, Requires Improvement %d); replicas %d; kills %d (SIGKILL),
                  broker restarts %d; expected effects %d; redeliveries %d (consumed again after kills and rebalances %d,
                  published again %d; the case system's %d events sent twice on purpose, consumed again %d);
                  emails %d (sent again with the same Message-ID %d);
                  dead letters %d; lost = %d; duplicated = %d
                %s%s%s
                """, SEED, SOAK ? ", soak" : "", (System.nanoTime() - started) / 1e9, figures.audits(),
                figures.inadequate(), figures.requiresImprovement(), platform.replicas.size(), disruptor.kills.get(),
                disruptor.brokerRestarts.get(), figures.expected(),
                figures.redeliveries(), figures.consumedAgain(), figures.republished(),
                workload.upstreamEventIds.size(), figures.upstreamConsumedAgain(), figures.emails(),
                figures.resentEmails(),
                figures.deadLetters(), figures.lost().size(), figures.duplicated().size(),
                figures.lost().isEmpty() ? "" : "  lost: " + figures.lost() + "\n",
                figures.duplicated().isEmpty() ? "" : "  duplicated: " + figures.duplicated() + "\n",
                figures.deadLetterReasons().isEmpty() ? "" : "  dead letters: " + figures.deadLetterReasons() + "\n");

        assertThat(disruptor.kills.get()).as("every replica killed").isGreaterThanOrEqualTo(platform.replicas.size());
        assertThat(disruptor.brokerRestarts.get()).isEqualTo(1);
        assertThat(figures.lost()).as("lost").isEmpty();
        assertThat(figures.duplicated()).as("duplicated").isEmpty();
        assertThat(figures.redeliveries()).as("the duplicate path ran").isPositive();
        assertThat(figures.deadLetterReasons()).as("a valid workload leaves nothing dead-lettered").isEmpty();
    }
}
