package uk.caseqa.messaging.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the relay as soon as events are stored ({@link #publishSoon}, on a thread of its own: the request or consumer
 * that stored them never waits for Kafka), and on a fixed delay, which publishes what a crash or a broker outage left
 * behind. A failed pass (broker down) is logged and retried on the next tick. Nudges that arrive while a pass is
 * queued are one pass; one that arrives during a pass queues the next, so nothing stored is left for the poll.
 */
public class OutboxRelayScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private final OutboxRelay relay;
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay-soon");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public OutboxRelayScheduler(OutboxRelay relay) {
        this.relay = relay;
    }

    /** Wired to {@link AggregateStore#onEventsStored}: returns at once. */
    public void publishSoon() {
        if (queued.compareAndSet(false, true)) {
            try {
                soon.execute(() -> {
                    queued.set(false);
                    relay();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
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
