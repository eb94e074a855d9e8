package uk.caseqa.messaging.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.InvalidEventException;

/**
 * What every consumer does before its use case: decode and validate the envelope (an invalid one is thrown as
 * {@link InvalidEventException}, which the binding does not retry and sends to its dead-letter topic with the reason
 * in the {@code x-exception-message} header), put the correlation id in the log context, count it by type.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    private final MeterRegistry meters;

    public InboundEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    public void handle(Message<byte[]> message, Consumer<EventEnvelope<EventPayload>> handler) {
        handle(message, handler, false);
    }

    /**
     * As {@link #handle(Message, Consumer)}; {@code quiet} logs each event at debug rather than info, for streams of
     * state that every replica reads in full (board aggregates), where a line per event would drown the log.
     */
    public void handle(Message<byte[]> message, Consumer<EventEnvelope<EventPayload>> handler, boolean quiet) {
        EventEnvelope<EventPayload> event = EventJson.read(message.getPayload());
        try (MDC.MDCCloseable c = MDC.putCloseable(Correlation.MDC_KEY, event.correlationId());
             MDC.MDCCloseable e = MDC.putCloseable("eventId", event.id())) {
            handler.accept(event);
            consumed(event, quiet);
        }
    }

    /**
     * Counts and logs one event as consumed ({@code caseqa.events.consumed} by type); for consumers that read a batch
     * themselves, once each event's effect is stored.
     */
    public void consumed(EventEnvelope<?> event, boolean quiet) {
        meters.counter("caseqa.events.consumed", "type", event.type()).increment();
        if (quiet) {
            log.debug("consumed {} {} subject={} la={}", event.type(), event.id(), event.subject(),
                    event.localAuthority());
        } else {
            log.info("consumed {} {} subject={} la={}", event.type(), event.id(), event.subject(),
                    event.localAuthority());
        }
    }
}
