package uk.caseqa.reporting.adapter.in.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The board's counting waits while the platform is busy with urgent work: no count starts while the background
 * bindings wait for it, and counts run on a thread of their own at the lowest priority (not the service's scheduler
 * thread, shared with the rest). The timer keeps going through a failed count, and stops without starting another.
 */
class TheBoardIsCountedOnALowPriorityThreadOfItsOwnTest {

    private static final Duration SOON = Duration.ofMillis(10);
    private static final BooleanSupplier NOT_WAITING = () -> false;

    @Test
    void noCountStartsWhileTheBackgroundBindingsWaitForUrgentWorkAndOneDoesOnceTheyGoOn() throws Exception {
        AtomicBoolean waiting = new AtomicBoolean(true);
        AtomicInteger turns = new AtomicInteger();
        CountDownLatch counted = new CountDownLatch(1);
        BoardCountingSchedule schedule = new BoardCountingSchedule(counted::countDown, () -> {
            turns.incrementAndGet();
            return waiting.get();
        }, SOON, SOON);
        schedule.start();
        try {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (turns.get() < 5 && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            assertThat(turns.get()).as("turns that found the background waiting").isGreaterThanOrEqualTo(5);
            assertThat(counted.getCount()).as("no count while it waits").isEqualTo(1);

            waiting.set(false);
            assertThat(counted.await(10, TimeUnit.SECONDS)).as("counted once it goes on").isTrue();
        } finally {
            schedule.stop();
        }
    }

    @Test
    void eachCountRunsOnTheBoardsOwnThreadAtTheLowestPriority() throws Exception {
        List<Thread> countedOn = new CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        BoardCountingSchedule schedule = new BoardCountingSchedule(() -> {
            countedOn.add(Thread.currentThread());
            twice.countDown();
        }, NOT_WAITING, SOON, SOON);
        assertThat(awaitWhileRunning(schedule, twice, 10)).as("counted twice").isTrue();
        assertThat(countedOn).allSatisfy(thread -> {
            assertThat(thread.getName()).startsWith("board-counting-");
            assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            assertThat(thread).isNotSameAs(Thread.currentThread());
        });
    }

    @Test
    void aCountThatFailsDoesNotStopTheNext() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch afterTheFailure = new CountDownLatch(1);
        BoardCountingSchedule schedule = new BoardCountingSchedule(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("the store is away");
            }
            afterTheFailure.countDown();
        }, NOT_WAITING, SOON, SOON);
        assertThat(awaitWhileRunning(schedule, afterTheFailure, 10)).as("counted again after a failure").isTrue();
    }

    @Test
    void stoppingLetsTheCountUnderWayEndAndStartsNoOther() throws Exception {
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger begunCount = new AtomicInteger();
        BoardCountingSchedule schedule = new BoardCountingSchedule(() -> {
            begunCount.incrementAndGet();
            begun.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ended.incrementAndGet();
        }, NOT_WAITING, SOON, SOON);
        schedule.start();
        assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(() -> {
            try {
                schedule.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.start();
        Thread.State state;
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((state = stopping.getState()) != Thread.State.TIMED_WAITING && state != Thread.State.TERMINATED
                && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        assertThat(state).as("stop waits for the count under way").isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(ended.get()).as("the count under way has not ended yet").isZero();
        release.countDown();
        stopping.join(10_000);
        assertThat(stopping.isAlive()).as("stopped once the count ended").isFalse();
        assertThat(ended.get()).as("the count under way ended").isEqualTo(1);
        assertThat(begunCount.get()).as("no count begun after the stop").isEqualTo(1);
    }

    @Test
    void startingTwiceKeepsOneTimer() throws Exception {
        AtomicInteger counts = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        // the first count soon, the next only in an hour: a second timer would count at once too
        BoardCountingSchedule schedule = new BoardCountingSchedule(() -> {
            counts.incrementAndGet();
            second.countDown();
        }, NOT_WAITING, Duration.ofHours(1), SOON);
        schedule.start();
        assertThat(awaitWhileRunning(schedule, second, 1)).as("a second count within the hour").isFalse();
        assertThat(counts.get()).isEqualTo(1);
    }

    /** Starts the timer (again, if it was), waits for {@code latch} at most {@code seconds}, then stops it. */
    private static boolean awaitWhileRunning(BoardCountingSchedule schedule, CountDownLatch latch, long seconds)
            throws InterruptedException {
        schedule.start();
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } finally {
            schedule.stop();
        }
    }

    @Test
    void anIntervalOfNothingIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new BoardCountingSchedule(() -> { }, NOT_WAITING, Duration.ZERO, SOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caseqa.reporting.publish-interval");
    }
}
