package uk.caseqa.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One envelope for every integration event, in CloudEvents 1.0 structured JSON: {@code id, source, type, time,
 * subject} are CloudEvents attributes; {@code localauthority}, {@code correlationid} and {@code schemaversion} are
 * extension attributes. {@code subject} is the aggregate id (case or audit) and the Kafka key. An envelope always
 * carries all of them; {@link EventJson#read} gives an inbound event without {@code correlationid} or
 * {@code schemaversion} their defaults first.
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "time", "subject", "datacontenttype",
        "localauthority", "correlationid", "schemaversion", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope<T extends EventPayload>(
        @JsonProperty("specversion") String specVersion,
        @JsonProperty("id") String id,
        @JsonProperty("source") String source,
        @JsonProperty("type") String type,
        @JsonProperty("time") Instant time,
        @JsonProperty("subject") String subject,
        @JsonProperty("datacontenttype") String dataContentType,
        @JsonProperty("localauthority") String localAuthority,
        @JsonProperty("correlationid") String correlationId,
        @JsonProperty("schemaversion") int schemaVersion,
        @JsonProperty("data") T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The refusal of an event naming no council: without one, nobody can tell whose records it touches. */
    public static final String LOCAL_AUTHORITY_REQUIRED = "the CloudEvents extension attribute localauthority is"
            + " required: the council whose records the event touches";

    public EventEnvelope {
        Require.text(id, "id");
        Require.text(source, "source");
        Require.text(type, "type");
        Require.present(time, "time");
        Require.text(subject, "subject");
        if (localAuthority == null || localAuthority.isBlank()) {
            throw new InvalidEventException(LOCAL_AUTHORITY_REQUIRED);
        }
        Require.text(localAuthority, "localauthority");
        Require.text(correlationId, "correlationid");
        Require.present(data, "data");
        EventType declared = EventType.ofName(type);
        if (!declared.payloadType().isInstance(data)) {
            throw new InvalidEventException("data is not a " + type);
        }
        if (schemaVersion != declared.schemaVersion()) {
            throw new InvalidEventException("schemaversion " + schemaVersion + " of " + type + " is not supported (expected "
                    + declared.schemaVersion() + ")");
        }
        if (specVersion != null && !SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("specversion " + specVersion + " is not supported (CloudEvents "
                    + SPEC_VERSION + ")");
        }
        specVersion = SPEC_VERSION;
        dataContentType = dataContentType == null ? JSON : dataContentType;
    }

    /** A new event about {@code subject}, raised by {@code source}, carrying the correlation id of what caused it. */
    public static <T extends EventPayload> EventEnvelope<T> of(String id, String source, Instant time, String subject,
            String localAuthority, String correlationId, T data) {
        EventType type = EventType.of(data);
        return new EventEnvelope<>(SPEC_VERSION, id, source, type.typeName(), time, subject, JSON, localAuthority,
                correlationId, type.schemaVersion(), data);
    }

    /** This envelope typed by its payload; a mismatch is a programming error. */
    @SuppressWarnings("unchecked")
    public <P extends EventPayload> EventEnvelope<P> as(Class<P> payloadType) {
        if (!payloadType.isInstance(data)) {
            throw new IllegalArgumentException(type + " is not a " + payloadType.getSimpleName());
        }
        return (EventEnvelope<P>) this;
    }

    public EventType eventType() {
        return EventType.ofName(type);
    }
}
