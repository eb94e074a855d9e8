package uk.caseqa.messaging.outbox;

import java.time.Instant;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;

/**
 * An event raised by an aggregate and not yet published. It is stored in the aggregate's own document (field
 * {@value OutboxRelay#OUTBOX_FIELD}), so the state change and the events it causes are one single-document write.
 */
public record OutboxEvent(String eventId, String type, String stream, String key, String json, Instant raisedAt) {

    public static OutboxEvent of(EventEnvelope<?> envelope) {
        return new OutboxEvent(envelope.id(), envelope.type(), envelope.eventType().stream().name(),
                envelope.subject(), EventJson.writeString(envelope), envelope.time());
    }
}
