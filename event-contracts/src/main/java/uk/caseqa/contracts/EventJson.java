package uk.caseqa.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes envelopes as CloudEvents structured JSON. Reading validates: well-formed JSON, a known type, a
 * supported schema version and every required field; anything else is an {@link InvalidEventException} whose
 * message is the reason recorded on the dead-letter topic. A plain CloudEvent without our optional extension
 * attributes is read with their defaults: {@code correlationid} its own {@code id} (it starts a chain of its own),
 * {@code schemaversion} its type's current {@link EventType#schemaVersion()}. Written events carry both.
 */
public final class EventJson {

    /** The largest event read; a larger one is refused, so nothing over it is stored. */
    public static final int MAX_EVENT_BYTES = 256 * 1024;
    /** The longest string in an event (identifiers, categories, reasons: never a narrative). */
    public static final int MAX_STRING_LENGTH = 2_000;
    /** The deepest nesting of objects and arrays in an event. */
    public static final int MAX_NESTING_DEPTH = 16;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
                    StreamReadConstraints.builder().maxDocumentLength(MAX_EVENT_BYTES)
                            .maxStringLength(MAX_STRING_LENGTH).maxNestingDepth(MAX_NESTING_DEPTH).build()).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    public static byte[] write(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    public static String writeString(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static EventEnvelope<EventPayload> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    public static EventEnvelope<EventPayload> read(byte[] json) {
        if (json.length > MAX_EVENT_BYTES) {
            throw new InvalidEventException("an event of " + json.length + " bytes: larger than the " + MAX_EVENT_BYTES
                    + " bytes read");
        }
        String text;
        try {
            // strictly: the JSON parser would read an overlong form (C0 AF) as '/'
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("not UTF-8: " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JacksonException e) {
            // where, never what: the parser's own message quotes the text it met, which may be anything a sender put
            throw new InvalidEventException("not well-formed JSON" + where(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        EventType type = EventType.ofName(text(tree, "type"));
        JsonNode data = tree.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("data is required");
        }
        EventPayload payload;
        try {
            payload = MAPPER.treeToValue(data, type.payloadType());
        } catch (JacksonException e) {
            throw new InvalidEventException(reasonOf(e), e);
        }
        String id = text(tree, "id");
        String correlationId = text(tree, "correlationid");
        int schemaVersion = tree.hasNonNull("schemaversion") ? tree.get("schemaversion").asInt(0)
                : type.schemaVersion();
        try {
            return new EventEnvelope<>(text(tree, "specversion"), id, text(tree, "source"), type.typeName(),
                    tree.hasNonNull("time") ? MAPPER.treeToValue(tree.get("time"), java.time.Instant.class) : null,
                    text(tree, "subject"), text(tree, "datacontenttype"), text(tree, "localauthority"),
                    correlationId == null ? id : correlationId, schemaVersion, payload);
        } catch (JacksonException e) {
            throw new InvalidEventException("time is not an ISO-8601 instant", e);
        }
    }

    /** The JSON tree of an envelope, for tests and tools that compare documents. */
    public static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String reasonOf(JacksonException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof InvalidEventException invalid) {
                return invalid.getMessage();
            }
            cause = cause.getCause();
        }
        StringBuilder path = new StringBuilder("data");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        // the field, never the value: the mapper's own message quotes what it could not read
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            return "data is not a valid payload: " + path + " is not one of "
                    + java.util.Arrays.toString(mismatch.getTargetType().getEnumConstants());
        }
        return "data is not a valid payload: " + path + " cannot be read as its type";
    }

    private static String where(JacksonException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
