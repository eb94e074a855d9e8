package uk.caseqa.messaging.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.messaging.Message;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.InvalidEventException;

/**
 * What every consumer does before its use case: decode and validate the envelope (an invalid one is thrown as
 * {@link InvalidEventException}, which the binding does not retry and sends to its dead-letter topic with the reason
 * in the {@code x-exception-message} header; so is an event from a council the deployment does not serve), put the
 * correlation id in the log context (an id seen before with other content is refused too), count it by type.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    private final MeterRegistry meters;
    private final java.util.Set<String> councils;
    private final ReceivedEvents received;
    private final String topicPrefix;

    public InboundEvents(MeterRegistry meters) {
        this(meters, java.util.Set.of(), null);
    }

    public InboundEvents(MeterRegistry meters, java.util.Collection<String> councils, ReceivedEvents received) {
        this(meters, councils, received, "");
    }

    /**
     * {@code councils}: the councils this deployment serves ({@code caseqa.councils}); empty: any.
     * {@code received}: where event ids and digests are kept, to refuse an id reused for other content; null: not kept.
     */
    public InboundEvents(MeterRegistry meters, java.util.Collection<String> councils, ReceivedEvents received,
            String topicPrefix) {
        this.topicPrefix = topicPrefix;
        this.meters = meters;
        this.councils = java.util.Set.copyOf(councils);
        this.received = received;
    }

    /**
     * An event from a council this deployment does not serve is refused (dead-lettered with the reason), never stored
     * under a council no profile, no staff directory and no reader exists for.
     */
    public void requireServed(EventEnvelope<?> event) {
        if (!councils.isEmpty() && !councils.contains(event.localAuthority())) {
            throw new InvalidEventException("localauthority '" + event.localAuthority() + "' is not a council this"
                    + " deployment serves (caseqa.councils: " + new java.util.TreeSet<>(councils) + ")");
        }
    }

    /**
     * An event came on the one topic its type and council travel on: the broker lets each writer write only its own
     * topics (a council's systems only their council's case and staff topics), so an event of another type, or
     * naming another council, is refused (dead-lettered with the reason), never applied. {@code topic} null: not read
     * from Kafka, nothing to check.
     */
    public void requireItsOwnTopic(EventEnvelope<?> event, String topic) {
        String expected = topicPrefix + event.eventType().stream().topicFor(event.localAuthority());
        if (topic != null && !topic.equals(expected)) {
            throw new InvalidEventException(event.type() + " of localauthority '" + event.localAuthority()
                    + "' came on topic " + topic + ", not on its own topic " + expected);
        }
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
        requireServed(event);
        requireItsOwnTopic(event, message.getHeaders().get(
                org.springframework.kafka.support.KafkaHeaders.RECEIVED_TOPIC, String.class));
        if (received != null) {
            received.check(event);
        }
        try (MDC.MDCCloseable c = MDC.putCloseable(Correlation.MDC_KEY, event.correlationId());
             MDC.MDCCloseable e = MDC.putCloseable("eventId", event.id())) {
            handler.accept(event);
            consumed(event, quiet);
        }
    }

    /**
     * As {@link #handle(Message, Consumer)}, the handler's writes settled by one write at its end
     * ({@link OneCommitPerEvent}): for a consumer whose event writes several documents.
     */
    public void handleInOneCommit(Message<byte[]> message, Consumer<EventEnvelope<EventPayload>> handler) {
        if (received == null) {
            throw new IllegalStateException("settling an event's writes needs its received-event record");
        }
        handle(message, event -> OneCommitPerEvent.run(() -> handler.accept(event), () -> received.settle(event)));
    }

    /**
     * For consumers that read a batch themselves: decodes and validates each record as {@link #handle} does (the
     * bytes, the council, the topic; {@code topics}: each record's topic, or none), then checks their ids together
     * ({@link ReceivedEvents#firstRefused}). Returns the events that may be applied, in order, up to the first refused
     * one; {@code refused} is then told its index in the batch and the reason, for the binder to dead-letter that
     * record alone ({@code BatchListenerFailedException}).
     */
    public List<EventEnvelope<EventPayload>> readBatch(List<?> payloads, List<?> topics,
            java.util.function.BiConsumer<Integer, InvalidEventException> refused) {
        List<EventEnvelope<EventPayload>> events = new java.util.ArrayList<>(payloads.size());
        InvalidEventException unreadable = null;
        for (int i = 0; i < payloads.size() && unreadable == null; i++) {
            try {
                if (!(payloads.get(i) instanceof byte[] bytes)) {
                    throw new InvalidEventException("not the bytes of an event: "
                            + (payloads.get(i) == null ? "null" : payloads.get(i).getClass().getName()));
                }
                EventEnvelope<EventPayload> event = EventJson.read(bytes);
                requireServed(event);
                requireItsOwnTopic(event, topics != null && i < topics.size() && topics.get(i) instanceof String topic
                        ? topic : null);
                events.add(event);
            } catch (InvalidEventException invalid) {
                unreadable = invalid;
            }
        }
        if (received != null) {
            InvalidEventException[] reason = new InvalidEventException[1];
            int first = received.firstRefused(events, r -> reason[0] = r);
            if (first >= 0) {
                refused.accept(first, reason[0]);
                return List.copyOf(events.subList(0, first));
            }
        }
        if (unreadable != null) {
            refused.accept(events.size(), unreadable);
        }
        return events;
    }

    /**
     * Counts and logs one event as consumed ({@code caseqa.events.consumed} by type); for consumers that read a batch
     * themselves, once each event's effect is stored.
     */
    public void consumed(EventEnvelope<?> event, boolean quiet) {
        meters.counter("caseqa.events.consumed", "type", event.type()).increment();
        log.atLevel(quiet ? Level.DEBUG : Level.INFO).log("consumed {} {} subject={} la={}", event.type(), event.id(),
                event.subject(), event.localAuthority());
    }
}
