package uk.caseqa.messaging.outbox;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.messaging.inbound.Correlation;

/** Wraps the facts an aggregate raised into envelopes: a new id, this service as source, the correlation id in hand. */
public class EventFactory {

    private final String source;
    private final Clock clock;
    private final Supplier<String> traceParent;

    public EventFactory(String serviceName, Clock clock) {
        this(serviceName, clock, () -> null);
    }

    /** {@code traceParent}: the W3C trace context in hand, stored with each outbox event so its trace goes on. */
    public EventFactory(String serviceName, Clock clock, Supplier<String> traceParent) {
        this.source = "urn:caseqa:" + serviceName;
        this.clock = clock;
        this.traceParent = traceParent;
    }

    public <T extends EventPayload> EventEnvelope<T> envelope(String subject, String localAuthority, T payload) {
        return EventEnvelope.of(UUID.randomUUID().toString(), source, clock.instant(), subject, localAuthority,
                Correlation.current(), payload);
    }

    public OutboxEvent outboxEvent(String subject, String localAuthority, EventPayload payload) {
        return OutboxEvent.of(envelope(subject, localAuthority, payload), traceParent.get());
    }
}
