package uk.caseqa.messaging.outbox;

import java.time.Instant;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;

/**
 * An event raised by an aggregate and not yet published. It is stored in the aggregate's own document (field
 * {@value OutboxRelay#OUTBOX_FIELD}), so the state change and the events it causes are one single-document write.
 * {@code traceParent} is not part of the event: it lets the relay continue the trace of the work that raised it.
 */
public record OutboxEvent(String eventId, String type, String stream, String key, String json, Instant raisedAt,
        String traceParent) {

    public static OutboxEvent of(EventEnvelope<?> envelope) {
        return of(envelope, null);
    }

    /** With the W3C {@code traceparent} of the work that raised it (null: none), continued when it is published. */
    public static OutboxEvent of(EventEnvelope<?> envelope, String traceParent) {
        return new OutboxEvent(envelope.id(), envelope.type(), envelope.eventType().stream().name(),
                envelope.subject(), EventJson.writeString(envelope), envelope.time(), traceParent);
    }
}
