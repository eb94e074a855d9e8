package uk.caseqa.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed and hostile inbound events, each made from a real example of an event type with one defect: for the
 * property test here, and (as this module's test jar) for the services' tests that send them through Kafka.
 */
public final class HostileEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private HostileEvents() {
    }

    public enum Defect {
        UNKNOWN_TYPE, NO_TYPE, NO_DATA, DATA_NOT_AN_OBJECT, FUTURE_SCHEMA_VERSION, HUGE_STRING, DEEP_NESTING,
        HUGE_ARRAY, NOT_UTF8, TRUNCATED, NOT_AN_OBJECT, WRONG_VALUE_TYPE, NO_ID, WRONG_SPEC_VERSION
    }

    public record Hostile(EventType type, Defect defect, byte[] bytes) {
        @Override
        public String toString() {
            return type.typeName() + " with " + defect + " (" + bytes.length + " bytes)";
        }
    }

    public static Hostile make(EventType type, Defect defect, int size, String word, boolean extraFields) {
        ObjectNode event = (ObjectNode) JSON.readTree(example(type));
        ObjectNode data = (ObjectNode) event.get("data");
        if (extraFields) {
            event.put("x-" + word, word);
            data.putObject("extra-" + word).put("note", size);
        }
        switch (defect) {
            case UNKNOWN_TYPE -> event.put("type", "Not" + word + "Event");
            case NO_TYPE -> event.remove("type");
            case NO_DATA -> event.remove("data");
            case DATA_NOT_AN_OBJECT -> event.put("data", word);
            case FUTURE_SCHEMA_VERSION -> event.put("schemaversion", 2 + size);
            case HUGE_STRING -> data.put(firstTextField(data), "x".repeat(EventJson.MAX_STRING_LENGTH + size));
            case DEEP_NESTING -> {
                ObjectNode deepest = data.putObject("nested");
                for (int i = 0; i < EventJson.MAX_NESTING_DEPTH + size % 200; i++) {
                    deepest = deepest.putObject("n");
                }
            }
            case HUGE_ARRAY -> {
                var array = data.putArray("many");
                for (int i = 0; i < EventJson.MAX_EVENT_BYTES / 2 + size; i++) {
                    array.add(1);
                }
            }
            case WRONG_VALUE_TYPE -> data.putArray(firstTextField(data)).add(size);
            case NO_ID -> event.remove("id");
            case WRONG_SPEC_VERSION -> event.put("specversion", size % 2 == 0 ? "0.3" : "1." + size);
            default -> { }
        }
        byte[] bytes = JSON.writeValueAsBytes(event);
        return new Hostile(type, defect, switch (defect) {
            case NOT_UTF8 -> notUtf8(bytes, size);
            case TRUNCATED -> Arrays.copyOf(bytes, Math.max(1, bytes.length - 1 - size % (bytes.length - 1)));
            case NOT_AN_OBJECT -> ("[" + new String(bytes, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
            default -> bytes;
        });
    }

    /** The first required text of the payload: its first field whose value is text. */
    static String firstTextField(ObjectNode data) {
        return data.properties().stream().filter(e -> e.getValue().isString()).map(java.util.Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** Bytes that are not UTF-8 (a lone continuation byte, an overlong form) inside the first string. */
    static byte[] notUtf8(byte[] json, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int quote = new String(json, StandardCharsets.ISO_8859_1).indexOf("\":\"") + 3;
        out.write(json, 0, quote);
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        out.writeBytes(bad[size % bad.length]);
        out.write(json, quote, json.length - quote);
        return out.toByteArray();
    }

    public static String example(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream("/examples/" + type.typeName() + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
