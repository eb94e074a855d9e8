package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The schemas integrators read ({@code src/main/resources/schemas/}) are committed files, and each is exactly what
 * {@link EventSchemas} makes from the records and the reader: a record changed without its schema fails here, and
 * the schemas as they should now be are written to {@code target/generated-schemas/} to be copied over.
 */
class TheSchemasAreMadeFromTheRecordsAndCannotDriftTest {

    static final Path COMMITTED = Path.of("src/main/resources/schemas");
    static final Path GENERATED = Path.of("target/generated-schemas");

    @Test
    void everyCommittedSchemaIsTheOneTheRecordsMakeAndThereIsNoOther() throws IOException {
        SortedMap<String, String> expected = EventSchemas.files();
        Map<String, String> committed = committed();
        Set<String> differing = new TreeSet<>(expected.keySet());
        differing.addAll(committed.keySet());
        differing.removeIf(file -> Objects.equals(committed.get(file), expected.get(file)));

        if (!differing.isEmpty()) {
            Files.createDirectories(GENERATED);
            for (Map.Entry<String, String> file : expected.entrySet()) {
                Files.writeString(GENERATED.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertThat(differing).as("schemas that differ from what the records make (missing, changed or left over):"
                + " compare them with %s/, then in event-contracts run rm %s/*.json && cp %s/*.json %s/",
                GENERATED, COMMITTED, GENERATED, COMMITTED).isEmpty();
    }

    @Test
    void aDataFieldIsRequiredExactlyWhenTheReaderRefusesAnEventWithoutIt() {
        JsonNode caseOpened = data(EventType.CASE_OPENED);
        assertThat(names(caseOpened.get("required"))).containsExactly("caseId", "cohort", "serviceId", "teamId",
                "socialWorkerId", "teamManagerId", "serviceManagerId");
        assertThat(caseOpened.get("properties").has("iroId")).isTrue();

        JsonNode auditCompleted = data(EventType.AUDIT_COMPLETED);
        assertThat(names(auditCompleted.get("required"))).as("FULL when absent").doesNotContain("auditType");
        assertThat(names(auditCompleted.at("/properties/actions/items/required")))
                .contains("actionId", "ownerId", "dueBy");
    }

    @Test
    void theEnvelopeRequiresWhatTheReaderRequiresAndNotOurOptionalExtensions() {
        JsonNode envelope = EventSchemas.envelope();

        assertThat(names(envelope.get("required")))
                .containsExactly("id", "source", "type", "time", "subject", "localauthority", "data");
        assertThat(envelope.at("/properties/specversion/const").asString()).isEqualTo("1.0");
    }

    @Test
    void anEnumFieldListsItsJavaEnumsConstantsAndAnInstantIsADateTime() {
        JsonNode auditCompleted = data(EventType.AUDIT_COMPLETED).get("properties");

        assertThat(names(auditCompleted.at("/auditType/enum")))
                .containsExactlyElementsOf(Arrays.stream(AuditType.values()).map(Enum::name).toList());
        assertThat(names(auditCompleted.at("/domainGrades/additionalProperties/enum")))
                .containsExactlyElementsOf(Arrays.stream(Grade.values()).map(Enum::name).toList());
        assertThat(auditCompleted.at("/completedAt/format").asString()).isEqualTo("date-time");
    }

    @Test
    void theReadersOwnLimitsAreInTheSchema() {
        JsonNode properties = data(EventType.AUDIT_RETURNED).get("properties");

        assertThat(properties.at("/caseId/maxLength").asInt()).isEqualTo(200);
        assertThat(properties.at("/caseId/pattern").asString()).as("not blank").isEqualTo("\\S");
        assertThat(properties.at("/reason/maxLength").asInt()).isEqualTo(500);
        assertThat(data(EventType.DIP_SAMPLE_REQUESTED).at("/properties/count/minimum").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRecordComponentIsADataPropertyOfTheCommittedSchemaAndNothingElseIs(EventType type) throws IOException {
        JsonNode schema = EventJson.tree(Files.readString(COMMITTED.resolve(EventSchemas.fileOf(type))));

        assertThat(names(schema.at("/properties/data/properties")))
                .containsExactlyElementsOf(Arrays.stream(type.payloadType().getRecordComponents())
                        .map(component -> component.getName()).toList());
    }

    private static JsonNode data(EventType type) {
        return EventSchemas.of(type).at("/properties/data");
    }

    private static java.util.List<String> names(JsonNode node) {
        return node.isArray() ? node.valueStream().map(JsonNode::asString).toList()
                : node.propertyNames().stream().toList();
    }

    private static Map<String, String> committed() throws IOException {
        if (!Files.isDirectory(COMMITTED)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(COMMITTED)) {
            return files.collect(Collectors.toMap(file -> file.getFileName().toString(), file -> {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, (a, b) -> a, java.util.TreeMap::new));
        }
    }
}
