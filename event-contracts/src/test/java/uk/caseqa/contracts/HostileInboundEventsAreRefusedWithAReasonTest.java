package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Property(tries = 10_000)
    void everyHostileEventIsRefusedWithAReason(@ForAll("hostileEvents") HostileEvents.Hostile hostile) {
        Statistics.collect(hostile.defect());

        assertThatThrownBy(() -> EventJson.read(hostile.bytes())).as("%s", hostile)
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Provide
    Arbitrary<HostileEvents.Hostile> hostileEvents() {
        return Combinators.combine(Arbitraries.of(EventType.values()), Arbitraries.of(HostileEvents.Defect.values()),
                Arbitraries.integers().between(1, 5_000), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of(true, false)).as(HostileEvents::make);
    }

    @Property(tries = 200)
    void theRealExamplesWithExtraFieldsOfNoMeaningAreStillRead(@ForAll("types") EventType type,
            @ForAll("words") String word) {
        ObjectNode event = (ObjectNode) JSON.readTree(HostileEvents.example(type));
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
