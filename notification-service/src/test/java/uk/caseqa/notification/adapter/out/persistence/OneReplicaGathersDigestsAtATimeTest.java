package uk.caseqa.notification.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.WireMongo;

/** The digest-gathering lease on the real store, as two replicas and a replica that dies holding it see it. */
class OneReplicaGathersDigestsAtATimeTest {

    final WireMongo store = new WireMongo();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    final MongoGatheringLease replicaA = new MongoGatheringLease(store.template(), clock);
    final MongoGatheringLease replicaB = new MongoGatheringLease(store.template(), clock);
    final List<String> gathered = new ArrayList<>();

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void whileOneReplicaGathersTheOtherSkipsItsPassAndGathersOnceTheFirstHasFinished() {
        boolean aRan = replicaA.runIfFree(() -> {
            gathered.add("A");
            assertThat(replicaB.runIfFree(() -> gathered.add("B during A"))).isFalse();
        });

        assertThat(aRan).isTrue();
        assertThat(replicaB.runIfFree(() -> gathered.add("B after A"))).isTrue();
        assertThat(gathered).containsExactly("A", "B after A");
    }

    @Test
    void aReplicaThatDiesHoldingTheLeaseHoldsUpDigestsOnlyUntilItsLeaseRunsOut() {
        replicaA.runIfFree(() -> {
            // A dies here: its finally never runs, so the lease is not given back; B tries during and after it
            assertThat(replicaB.runIfFree(() -> gathered.add("B while A's lease holds"))).isFalse();
            clock.advance(MongoGatheringLease.LEASE.plus(Duration.ofSeconds(1)));
            assertThat(replicaB.runIfFree(() -> gathered.add("B after A's lease ran out"))).isTrue();
        });

        assertThat(gathered).containsExactly("B after A's lease ran out");
    }

    @Test
    void anExceptionInThePassGivesTheLeaseBack() {
        try {
            replicaA.runIfFree(() -> {
                throw new IllegalStateException("store unreachable mid-pass");
            });
        } catch (IllegalStateException expected) {
            // the pass failed; the schedule logs it and tries again
        }

        assertThat(replicaB.runIfFree(() -> gathered.add("B"))).isTrue();
    }
}
