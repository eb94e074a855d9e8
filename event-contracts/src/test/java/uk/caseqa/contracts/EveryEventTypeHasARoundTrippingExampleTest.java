package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EveryEventTypeHasARoundTrippingExampleTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theExampleReadsIntoItsRecordAndWritesBackToTheSameJson(EventType type) throws IOException {
        String example = example(type);

        EventEnvelope<EventPayload> envelope = EventJson.read(example);

        assertThat(envelope.eventType()).isEqualTo(type);
        assertThat(envelope.data()).isInstanceOf(type.payloadType());
        assertThat(EventJson.tree(EventJson.writeString(envelope))).isEqualTo(EventJson.tree(example));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noPayloadFieldIsNamedLikePersonalDetails(EventType type) {
        Pattern personal = Pattern.compile("(?i).*(name|birth|dob|address|postcode|phone|nhs|narrative|ethnic|gender).*");
        Set<String> suspicious = Arrays.stream(type.payloadType().getRecordComponents())
                .map(component -> component.getName())
                .filter(name -> personal.matcher(name).matches())
                // staff names are fine in events and emails (a child's or a family's never are)
                .filter(name -> !(type == EventType.STAFF_MEMBER_REGISTERED && name.equals("displayName")))
                .collect(Collectors.toSet());
        assertThat(suspicious).as("fields of %s", type.typeName()).isEmpty();
    }

    @Test
    void anEventWithoutARequiredFieldIsRejectedWithTheFieldNamed() throws IOException {
        String withoutCaseId = example(EventType.CASE_OPENED).replace("\"caseId\" : \"case-4711\",", "");

        assertThatThrownBy(() -> EventJson.read(withoutCaseId))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("data.caseId is required");
    }

    @Test
    void anUnknownTypeAndMalformedJsonAreRejectedWithAReason() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"ChildRenamed\",\"data\":{}}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown event type 'ChildRenamed'");
        assertThatThrownBy(() -> EventJson.read("{not json"))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("not well-formed JSON");
    }

    @Test
    void anAuditTypeOutsideTheSharedEnumerationIsRejectedNotReadAsAFullAudit() throws IOException {
        String misspelt = example(EventType.AUDIT_COMPLETED).replace("\"auditType\": \"FULL\"",
                "\"auditType\": \"DIPSAMPLE\"");
        assertThat(misspelt).contains("DIPSAMPLE");

        assertThatThrownBy(() -> EventJson.read(misspelt))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data.auditType is not one of [FULL")
                .as("the field and what it may be, never the text sent").hasMessageNotContaining("DIPSAMPLE");
        assertThat(((AuditCompleted) EventJson.read(example(EventType.AUDIT_COMPLETED)
                .replace("\"auditType\": \"FULL\",", "")).data()).auditType())
                .as("schema 1 events before the field existed are full audits").isEqualTo(AuditType.FULL);
    }

    @Test
    void anUnsupportedSchemaVersionIsRejected() throws IOException {
        String future = example(EventType.CASE_OPENED).replace("\"schemaversion\" : 1", "\"schemaversion\" : 2");

        assertThatThrownBy(() -> EventJson.read(future))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("schemaversion 2");
    }

    private static String example(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream("/examples/" + type.typeName() + ".json")) {
            assertThat(in).as("examples/%s.json", type.typeName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
