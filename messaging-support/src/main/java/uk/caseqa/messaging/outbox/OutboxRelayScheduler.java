package uk.caseqa.messaging.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the relay as soon as events are stored ({@link #publishSoon}, on threads of its own: the request or consumer
 * that stored them never waits for Kafka), and on a fixed delay, which publishes what a crash or a broker outage left
 * behind. A failed pass (broker down) is logged and retried on the next tick.
 * <p>
 * A pass publishes one document after another, each a claim, a send the broker acknowledges and a release, so one
 * pass at a time held a busy service to what those round trips allow (about 20 documents a second under the
 * platform benchmark's 50 audits a second: docs/performance.md). A nudge that arrives during a pass therefore starts
 * another beside it, up to {@code passes} at once; each claims its own documents (a claim is one atomic write), so a
 * document's events still go out in order, by one pass. Nudges that arrive while a pass waits to start are that pass.
 */
public class OutboxRelayScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private final OutboxRelay relay;
    private final ExecutorService soon;
    /** A pass asked for and not yet started: at most one waits, so a burst of nudges is one more pass, not many. */
    private final AtomicBoolean queued = new AtomicBoolean();

    public OutboxRelayScheduler(OutboxRelay relay) {
        this(relay, 1);
    }

    /** {@code passes}: how many passes may publish at once ({@code caseqa.outbox.relay-threads}). */
    public OutboxRelayScheduler(OutboxRelay relay, int passes) {
        this.relay = relay;
        if (passes < 1) {
            throw new IllegalArgumentException("caseqa.outbox.relay-threads must be at least 1, not " + passes);
        }
        AtomicInteger named = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(passes, passes, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "outbox-relay-soon-" + named.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY);
                    return thread;
                });
        // started now, by the thread that starts the service: a thread keeps the operating system's priority of the
        // thread that started it (Linux lets a process lower its threads' priority, not raise it again), and a
        // background consumer's write may be the first to nudge the relay
        threads.prestartAllCoreThreads();
        this.soon = threads;
    }

    /** Wired to {@link AggregateStore#onEventsStored}: returns at once. */
    public void publishSoon() {
        if (queued.compareAndSet(false, true)) {
            try {
                soon.execute(() -> {
                    queued.set(false);
                    relay();
                });
            } catch (RejectedExecutionException stopping) {
                queued.set(false); // shutting down: the next start's poll publishes it
            }
        }
    }

    @Scheduled(fixedDelayString = "${caseqa.outbox.poll-interval:200ms}", initialDelayString = "${caseqa.outbox.initial-delay:1s}")
    public void relay() {
        try {
            relay.relayPending();
        } catch (RuntimeException e) {
            log.warn("outbox relay pass failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        soon.shutdown();
        soon.awaitTermination(5, TimeUnit.SECONDS);
    }
}
