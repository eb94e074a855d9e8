package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A council's integrator sending plain CloudEvents (no {@code correlationid}, no {@code schemaversion}) is read, not
 * dead-lettered: the event starts its own correlation chain and is taken as its type's current schema version. What
 * the services write on always carries both. {@code localauthority} stays required: it decides whose records change.
 */
class APlainCloudEventWithoutOurExtensionsIsReadWithDefaultsTest {

    @Test
    void withoutACorrelationIdTheEventIsItsOwnCorrelation() {
        EventEnvelope<EventPayload> event = EventJson.read(without("correlationid").toString());

        assertThat(event.correlationId()).isEqualTo(event.id()).isEqualTo("0b5e6f9a-1c1d-4b87-9f4e-000000000001");
    }

    @Test
    void withoutASchemaVersionTheEventIsOfItsTypesCurrentVersion() {
        EventEnvelope<EventPayload> event = EventJson.read(without("schemaversion").toString());

        assertThat(event.schemaVersion()).isEqualTo(EventType.CASE_OPENED.schemaVersion());
    }

    @Test
    void aNullCorrelationIdOrSchemaVersionIsTakenAsAbsent() {
        ObjectNode event = example();
        event.putNull("correlationid");
        event.putNull("schemaversion");

        EventEnvelope<EventPayload> read = EventJson.read(event.toString());

        assertThat(read.correlationId()).isEqualTo(read.id());
        assertThat(read.schemaVersion()).isEqualTo(EventType.CASE_OPENED.schemaVersion());
    }

    @Test
    void whatIsWrittenOnCarriesBothDefaults() {
        JsonNode written = EventJson.tree(EventJson.writeString(EventJson.read(without("correlationid",
                "schemaversion").toString())));

        assertThat(written.get("correlationid").asString()).isEqualTo(written.get("id").asString());
        assertThat(written.get("schemaversion").asInt()).isEqualTo(EventType.CASE_OPENED.schemaVersion());
    }

    @Test
    void aSchemaVersionThatIsSentMustStillBeSupported() {
        ObjectNode event = example();
        event.put("schemaversion", EventType.CASE_OPENED.schemaVersion() + 1);

        assertThatThrownBy(() -> EventJson.read(event.toString())).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("schemaversion 2 of CaseOpened is not supported");
    }

    @Test
    void withoutALocalAuthorityTheEventIsRefusedNamingTheCloudEventsExtensionAttribute() {
        ObjectNode blank = example();
        blank.put("localauthority", " ");

        assertThatThrownBy(() -> EventJson.read(without("localauthority").toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("the CloudEvents extension attribute localauthority is required: the council whose records"
                        + " the event touches");
        assertThatThrownBy(() -> EventJson.read(blank.toString())).isInstanceOf(InvalidEventException.class)
                .hasMessage(EventEnvelope.LOCAL_AUTHORITY_REQUIRED);
    }

    private static ObjectNode example() {
        return (ObjectNode) EventJson.tree(HostileEvents.example(EventType.CASE_OPENED));
    }

    private static ObjectNode without(String... attributes) {
        ObjectNode event = example();
        for (String attribute : attributes) {
            event.remove(attribute);
        }
        return event;
    }
}
