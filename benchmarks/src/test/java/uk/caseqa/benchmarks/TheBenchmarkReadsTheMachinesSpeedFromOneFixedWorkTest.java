package uk.caseqa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Beside each step's processor time the platform benchmark reads how fast the machine is going, as the processor time
 * one fixed piece of work takes, so that a run that cost more can be told from a machine that went slower.
 */
class TheBenchmarkReadsTheMachinesSpeedFromOneFixedWorkTest {

    @Test
    void theWorkIsTheSameEachTimeSoItsTimeCanBeComparedBetweenRuns() {
        assertThat(ReferenceWork.CHECKSUM).as("the work of every run so far: a change to it is a new reference")
                .isEqualTo(-1876233866389337940L);
        assertThat(ReferenceWork.work()).isEqualTo(ReferenceWork.CHECKSUM);
        assertThat(ReferenceWork.processorMillis()).isPositive();
    }

    @Test
    void theLeastOfTheTriesIsKeptAsAnInterruptionOnlyEverAddsTime() {
        // the clock read before and after each of five tries: 9, 4, 6, 12 and 5 ms
        Iterator<Long> clock = List.of(0L, 9_000_000L, 10_000_000L, 14_000_000L, 20_000_000L, 26_000_000L,
                30_000_000L, 42_000_000L, 50_000_000L, 55_000_000L).iterator();

        assertThat(ReferenceWork.leastMillis(5, () -> { }, clock::next)).isEqualTo(4.0);
    }

    @Test
    void timeTheThreadSpendsOffTheProcessorIsNotCounted() {
        double millis = ReferenceWork.leastMillis(5, () -> LockSupport.parkNanos(50_000_000L),
                ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime);

        assertThat(millis).as("five tries of 50 ms parked, on the thread's processor clock").isLessThan(25);
    }
}
