package uk.caseqa.reporting.adapter.in.scheduling;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.kafka.BackgroundBindings;
import uk.caseqa.reporting.application.PublishingTheBoard;

/**
 * Counts the board again every {@code caseqa.reporting.publish-interval} (after the last count ended), on a thread of
 * its own at the lowest priority, as the board's consumers are ({@code caseqa.consumers.background}): the board may
 * wait a few seconds while the processor goes to the work that ends in an urgent email. On the service's scheduler
 * thread it ran at normal priority beside that work: a count reads all of a council's records, and in the platform
 * benchmark's 50-a-second step with 100,000 stored it took about 7 ms of processor a submission
 * (docs/performance.md). The JVM passes the priority to the operating system only when told to
 * ({@code -XX:ThreadPriorityPolicy=1}, as the embedded run is); otherwise nothing changes but the thread.
 * <p>
 * A count is not started while the service's background bindings wait for urgent work ({@link
 * BackgroundBindings#waiting}): what it asks of the store is served at normal priority, and at 100,000 stored a count
 * reads a whole council's records. In the platform benchmark's 50-a-second step with 100,000 stored, a count under
 * way took 5 ms of processor a submission on its own thread, beside its store's work (docs/performance.md). It goes on
 * when they do: once urgent work has been quiet for a moment, or when it has held them back for the longest pause.
 * Urgent work is seen within one JVM ({@code UrgentWork}): in the embedded run, where the five services share one,
 * the others' submissions hold the count back; reporting-service run as its own process has no urgent bindings, so
 * its count never waits.
 */
@Component
class BoardCountingSchedule {

    private static final Logger log = LoggerFactory.getLogger(BoardCountingSchedule.class);
    /** How long stopping waits for a count under way to end before interrupting it. */
    static final Duration COUNT_END = Duration.ofSeconds(10);
    private final Runnable count;
    private final BooleanSupplier waiting;
    private final Duration interval;
    private final Duration initialDelay;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean started = new AtomicBoolean();

    @Autowired
    BoardCountingSchedule(PublishingTheBoard board, BackgroundBindings background,
            @Value("${caseqa.reporting.publish-interval:1s}") Duration interval,
            @Value("${caseqa.outbox.initial-delay:1s}") Duration initialDelay) {
        this(board::countWhenDue, background::waiting, interval, initialDelay);
    }

    /**
     * {@code count}: one count when one is due, as {@link PublishingTheBoard#countWhenDue()}; {@code waiting}: whether
     * the background work waits now (a turn when it does is skipped: the next comes an interval later).
     */
    BoardCountingSchedule(Runnable count, BooleanSupplier waiting, Duration interval, Duration initialDelay) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("caseqa.reporting.publish-interval must be above zero, not " + interval);
        }
        this.count = count;
        this.waiting = waiting;
        this.interval = interval;
        this.initialDelay = initialDelay;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("board-counting-");
        threads.setThreadPriority(Thread.MIN_PRIORITY);
        threads.setDaemon(true);
        this.thread = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Once the service has started (its consumers and the board's view with it), as a scheduled method would. */
    @EventListener(ApplicationStartedEvent.class)
    void start() {
        if (!started.compareAndSet(false, true)) {
            return; // one timer, however often the service is told it started
        }
        thread.scheduleWithFixedDelay(this::count, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void count() {
        try {
            if (waiting.getAsBoolean()) {
                return;
            }
            count.run();
        } catch (RuntimeException e) {
            log.warn("board count failed, the next is in {}: {}", interval, e.toString());
        } catch (Error e) {
            // as a scheduled method's would be: logged, and the timer keeps running (an executor cancels a task that
            // throws, and the board would stop being counted, unsaid, until a restart)
            log.error("board count failed, the next is in {}", interval, e);
        }
    }

    /**
     * Starts no other count, and lets one under way end: its records are marked counted only once its figures are
     * published, so one interrupted, or failing as the service's producers stop, is counted again after the restart.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(COUNT_END.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("a board count still runs after {}; stopping under it", COUNT_END);
            thread.shutdownNow();
        }
    }
}
