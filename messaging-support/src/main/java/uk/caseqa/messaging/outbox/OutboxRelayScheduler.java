package uk.caseqa.messaging.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the relay on a fixed delay; a failed pass (broker down) is logged and retried on the next tick. */
public class OutboxRelayScheduler {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private final OutboxRelay relay;

    public OutboxRelayScheduler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${caseqa.outbox.poll-interval:200ms}", initialDelayString = "${caseqa.outbox.initial-delay:1s}")
    public void relay() {
        try {
            relay.relayPending();
        } catch (RuntimeException e) {
            log.warn("outbox relay pass failed, will retry: {}", e.toString());
        }
    }
}
