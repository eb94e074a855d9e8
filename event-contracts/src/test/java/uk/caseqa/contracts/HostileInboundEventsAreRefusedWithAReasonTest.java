package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ten thousand malformed and hostile inbound events, each made from a real example of a random event type with one
 * defect (and, half of the time, extra fields of no meaning): every one is refused with an
 * {@link InvalidEventException} whose message is the reason the dead-letter record carries, never another exception
 * (which the binder would retry) and never read as an event. Strings, documents and nesting over the documented
 * limits ({@link EventJson#MAX_STRING_LENGTH}, {@link EventJson#MAX_EVENT_BYTES}, {@link EventJson#MAX_NESTING_DEPTH})
 * are refused, so nothing over them is stored.
 */
class HostileInboundEventsAreRefusedWithAReasonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    enum Defect {
        UNKNOWN_TYPE, NO_TYPE, NO_DATA, DATA_NOT_AN_OBJECT, FUTURE_SCHEMA_VERSION, HUGE_STRING, DEEP_NESTING,
        HUGE_ARRAY, NOT_UTF8, TRUNCATED, NOT_AN_OBJECT, WRONG_VALUE_TYPE, NO_ID, WRONG_SPEC_VERSION
    }

    record Hostile(EventType type, Defect defect, byte[] bytes) {
        @Override
        public String toString() {
            return type.typeName() + " with " + defect + " (" + bytes.length + " bytes)";
        }
    }

    @Property(tries = 10_000)
    void everyHostileEventIsRefusedWithAReason(@ForAll("hostileEvents") Hostile hostile) {
        Statistics.collect(hostile.defect());

        assertThatThrownBy(() -> EventJson.read(hostile.bytes())).as("%s", hostile)
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Provide
    Arbitrary<Hostile> hostileEvents() {
        return Combinators.combine(Arbitraries.of(EventType.values()), Arbitraries.of(Defect.values()),
                Arbitraries.integers().between(1, 5_000), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of(true, false)).as(HostileInboundEventsAreRefusedWithAReasonTest::make);
    }

    static Hostile make(EventType type, Defect defect, int size, String word, boolean extraFields) {
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

    static String example(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream("/examples/" + type.typeName() + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 200)
    void theRealExamplesWithExtraFieldsOfNoMeaningAreStillRead(@ForAll("types") EventType type,
            @ForAll("words") String word) {
        ObjectNode event = (ObjectNode) JSON.readTree(example(type));
        event.put("x-" + word, word);
        ((ObjectNode) event.get("data")).put("extra-" + word, word);

        assertThat(EventJson.read(JSON.writeValueAsBytes(event)).eventType()).isEqualTo(type);
    }

    @Provide
    Arbitrary<EventType> types() {
        return Arbitraries.of(EventType.values());
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
    }
}
