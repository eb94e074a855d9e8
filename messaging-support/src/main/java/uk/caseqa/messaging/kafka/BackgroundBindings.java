package uk.caseqa.messaging.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.CompositeBatchInterceptor;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The consumer bindings whose work may wait while the platform is busy ({@code caseqa.consumers.background}: the
 * board's projections, re-audit bookkeeping, the staff and case registers), so that under a burst the
 * processor goes first to the work that ends in an urgent email: an Inadequate grade's case of concern and its
 * service manager. Their consumer threads run at {@link Thread#MIN_PRIORITY}; nothing else about them changes (the
 * same records, in the same order, committed the same way), and they have the processor to themselves whenever the
 * urgent work leaves it. The JVM passes a thread's priority to the operating system only when told to
 * ({@code -XX:ThreadPriorityPolicy=1}, as the embedded run in one JVM is: {@code platform-launcher/embedded-jvm.options});
 * otherwise (the services as separate processes) this changes nothing.
 * <p>
 * A background binding the service does not have is a misspelling, which would leave that binding's work at normal
 * priority unnoticed: the service refuses to start ({@link #checkNamed}).
 * <p>
 * What a background binding asks of the store and the broker is done at their normal priority, so the background
 * bindings also stop taking records while urgent work is under way: every other binding's records are marked as
 * urgent work seen ({@link UrgentWork}), and a timer pauses the background bindings' containers until it has been
 * quiet for a moment, never longer than a bound before they catch up ({@link BackgroundPacing};
 * {@code caseqa.consumers.background-pacing.*}). The records of a poll already taken are finished first (up to the
 * binding's {@code max.poll.records}); the next poll waits. The gauge
 * {@code caseqa.consumers.background.paused} is 1 while they wait. Only containers this paused are resumed by it: one
 * an operator paused before stays paused (one paused by an operator while this holds it is resumed with the others).
 * <p>
 * A thread keeps the operating system's priority of the thread that starts it, and Linux lets a process lower a
 * thread's priority but not raise it again, so the platform's own pools that a consumer's work may use (the outbox
 * relay's, the mail dispatch's) start their threads with the service.
 */
public final class BackgroundBindings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundBindings.class);
    /** How often the timer looks at the urgent work. */
    static final long TICK_MILLIS = 100;
    private final Set<String> bindings;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final UrgentWork urgent;
    private final BackgroundPacing pacing;
    private final Clock clock;
    private final List<AbstractMessageListenerContainer<?, ?>> background = new CopyOnWriteArrayList<>();
    private final List<AbstractMessageListenerContainer<?, ?>> pausedHere = new CopyOnWriteArrayList<>();
    private final AtomicInteger paused = new AtomicInteger();
    private ScheduledExecutorService timer;

    /**
     * Priorities only: nothing here waits for urgent work, but this service's urgent records still count as urgent
     * work for the others in the JVM.
     */
    public BackgroundBindings(Collection<String> bindings) {
        this(bindings, UrgentWork.inThisJvm(), null, Clock.systemUTC(), null);
    }

    /**
     * {@code pacing}: when the background bindings wait for urgent work (null: never); {@code clock}: the one
     * {@code urgent} reads (operational time, not a council's rehearsal clock); {@code meters}: where the gauge goes
     * (null: nowhere).
     */
    BackgroundBindings(Collection<String> bindings, UrgentWork urgent, BackgroundPacing.Settings pacing, Clock clock,
            MeterRegistry meters) {
        this.bindings = Set.copyOf(bindings);
        this.urgent = urgent;
        this.pacing = pacing == null ? null : new BackgroundPacing(pacing);
        this.clock = clock;
        if (meters != null) {
            meters.gauge("caseqa.consumers.background.paused", paused);
        }
    }

    /** As the services use it: JVM-wide urgent work, the system clock. */
    public static BackgroundBindings paced(Collection<String> bindings, Duration quiet, Duration longestPause,
            Duration catchUp, MeterRegistry meters) {
        return new BackgroundBindings(bindings, UrgentWork.inThisJvm(),
                new BackgroundPacing.Settings(quiet, longestPause, catchUp), Clock.systemUTC(), meters);
    }

    /**
     * A background binding's consumer threads are started at the lowest priority, and its container is paused and
     * resumed with the urgent work; any other binding's records are marked as urgent work seen.
     */
    public void configure(AbstractMessageListenerContainer<?, ?> container, String binding) {
        seen.add(binding);
        if (!bindings.contains(binding)) {
            markUrgent(container);
            return;
        }
        String name = container.getBeanName() == null ? binding : container.getBeanName();
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(name + "-background-C-");
        threads.setThreadPriority(Thread.MIN_PRIORITY);
        container.getContainerProperties().setListenerTaskExecutor(threads);
        background.add(container);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void markUrgent(AbstractMessageListenerContainer container) {
        RecordInterceptor record = (taken, consumer) -> {
            urgent.seen();
            return taken;
        };
        RecordInterceptor recordBefore = container.getRecordInterceptor();
        container.setRecordInterceptor(recordBefore == null ? record
                : new CompositeRecordInterceptor(recordBefore, record));
        BatchInterceptor batch = (taken, consumer) -> {
            urgent.seen();
            return taken;
        };
        BatchInterceptor batchBefore = container.getBatchInterceptor();
        container.setBatchInterceptor(batchBefore == null ? batch : new CompositeBatchInterceptor(batchBefore, batch));
    }

    /** Starts the timer that pauses and resumes the background bindings (once; not when pacing is off). */
    public synchronized void startPacing() {
        if (pacing == null || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "background-pacing");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                pace(clock.instant());
            } catch (RuntimeException | Error e) {
                log.warn("pacing the background bindings failed; trying again: {}", e.toString());
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One look at the urgent work: pauses or resumes the background bindings' containers as it says. */
    synchronized void pace(Instant now) {
        if (pacing == null || background.isEmpty()) {
            return;
        }
        switch (pacing.next(now, urgent.lastSeen())) {
            case PAUSE -> {
                for (AbstractMessageListenerContainer<?, ?> container : background) {
                    if (!container.isPauseRequested()) {
                        container.pause();
                        pausedHere.add(container);
                    }
                }
                paused.set(pausedHere.isEmpty() ? 0 : 1);
                log.debug("urgent work under way: {} background binding(s) wait", pausedHere.size());
            }
            case RESUME -> resume();
            case RESUME_TO_CATCH_UP -> {
                log.info("urgent work has kept the background bindings waiting for {}: they run for {} to catch up",
                        pacing.settings().longestPause(), pacing.settings().catchUp());
                resume();
            }
            case NONE -> {
            }
        }
    }

    private void resume() {
        for (AbstractMessageListenerContainer<?, ?> container : pausedHere) {
            container.resume();
        }
        pausedHere.clear();
        paused.set(0);
        log.debug("urgent work quiet: the background bindings go on");
    }

    /**
     * Whether the background bindings are waiting for urgent work now: other background work of the service (the
     * board's count) waits with them, and goes on when they do.
     */
    public boolean waiting() {
        return paused.get() == 1;
    }

    /** Stops the timer; containers are stopped with their bindings. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /**
     * Refuses to start a service whose background bindings name one it does not have (a misspelling, which would
     * otherwise leave that binding's work at normal priority unnoticed), once its bindings are made; a context
     * with no bindings at all (nothing bound yet) is left alone.
     */
    public void checkNamed() {
        Set<String> unknown = new TreeSet<>(bindings);
        unknown.removeAll(seen);
        if (!seen.isEmpty() && !unknown.isEmpty()) {
            throw new IllegalStateException("caseqa.consumers.background names " + unknown + ", which no consumer"
                    + " binding of this service is called (its bindings: " + new TreeSet<>(seen) + ")");
        }
    }
}
