package uk.caseqa.messaging.outbox;

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
 * document's events still go out in order, by one pass ({@link NudgedPasses}).
 */
public class OutboxRelayScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private final OutboxRelay relay;
    private final NudgedPasses soon;

    public OutboxRelayScheduler(OutboxRelay relay) {
        this(relay, 1);
    }

    /** {@code passes}: how many passes may publish at once ({@code caseqa.outbox.relay-threads}). */
    public OutboxRelayScheduler(OutboxRelay relay, int passes) {
        this.relay = relay;
        this.soon = new NudgedPasses("outbox-relay-soon", passes, "caseqa.outbox.relay-threads", this::relay);
    }

    /** Wired to {@link AggregateStore#onEventsStored}: returns at once. */
    public void publishSoon() {
        soon.nudge();
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
        soon.close();
    }
}
