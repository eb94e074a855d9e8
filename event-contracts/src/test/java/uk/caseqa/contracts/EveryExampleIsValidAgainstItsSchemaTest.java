package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an integrator's own validator says of an event, with the published schemas as they are loaded from the
 * classpath (each type's schema refers to the envelope's): every example is valid, and a broken one is not.
 */
class EveryExampleIsValidAgainstItsSchemaTest {

    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaFile(EventType type) {
        assertThat(EventType.class.getResource("/schemas/" + EventSchemas.fileOf(type))).as(type.typeName())
                .isNotNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theExampleOfEveryTypeIsValidAgainstItsSchema(EventType type) {
        assertThat(errors(type, HostileEvents.example(type))).isEmpty();
    }

    @Test
    void anExampleWithoutARequiredDataFieldIsInvalid() {
        ObjectNode event = example(EventType.CASE_OPENED);
        ((ObjectNode) event.get("data")).remove("caseId");

        assertThat(errors(EventType.CASE_OPENED, event.toString())).extracting(Error::getKeyword, Error::getProperty)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("required", "caseId"));
    }

    @Test
    void anExampleWithAMisspeltEnumValueIsInvalid() {
        ObjectNode event = example(EventType.AUDIT_COMPLETED);
        ((ObjectNode) event.get("data")).put("auditType", "DIPSAMPLE");

        assertThat(errors(EventType.AUDIT_COMPLETED, event.toString())).extracting(Error::getKeyword)
                .containsExactly("enum");
    }

    @Test
    void anEventOfAnotherTypeOrWithoutItsCouncilIsInvalid() {
        ObjectNode otherType = example(EventType.CASE_OPENED);
        otherType.put("type", "CaseClosed");
        ObjectNode noCouncil = example(EventType.CASE_OPENED);
        noCouncil.remove("localauthority");

        assertThat(errors(EventType.CASE_OPENED, otherType.toString())).extracting(Error::getKeyword)
                .containsExactly("const");
        assertThat(errors(EventType.CASE_OPENED, noCouncil.toString())).extracting(Error::getProperty)
                .containsExactly("localauthority");
    }

    @Test
    void aPlainCloudEventWithoutCorrelationIdAndSchemaVersionIsValidAsTheReaderReadsIt() {
        ObjectNode plain = example(EventType.CASE_OPENED);
        plain.remove(List.of("correlationid", "schemaversion", "specversion", "datacontenttype"));

        assertThat(errors(EventType.CASE_OPENED, plain.toString())).isEmpty();
        assertThat(EventJson.read(plain.toString()).eventType()).isEqualTo(EventType.CASE_OPENED);
    }

    @Test
    void aTimeThatIsNotADateTimeIsInvalid() {
        ObjectNode event = example(EventType.CASE_OPENED);
        event.put("time", "2 November 2026");

        assertThat(errors(EventType.CASE_OPENED, event.toString())).extracting(Error::getKeyword)
                .containsExactly("format");
    }

    private static List<Error> errors(EventType type, String event) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:schemas/" + EventSchemas.fileOf(type)));
        return schema.validate(event, InputFormat.JSON);
    }

    private static ObjectNode example(EventType type) {
        return (ObjectNode) EventJson.tree(HostileEvents.example(type));
    }
}
