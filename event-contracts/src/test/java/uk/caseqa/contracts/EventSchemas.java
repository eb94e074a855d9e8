package uk.caseqa.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas (draft 2020-12) integrators read, made from the records and the reader: the envelope's
 * ({@value #ENVELOPE}) and one per event type, which refers to it and describes its {@code data} field by field. A
 * field is required when {@link EventJson} refuses the type's example without it; a string must not be blank when
 * the reader refuses a blank one, and is at most as long as the longest the reader takes; an integer's minimum is
 * found the same way; an {@code email} has {@link StaffMemberRegistered#EMAIL}'s form. Collection elements and map
 * values have their type only. A type the generator does not know stops it, rather than be described wrongly.
 */
final class EventSchemas {

    static final String ENVELOPE = "cloudevent.schema.json";
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
            Map.entry("specversion", "The CloudEvents version; read as 1.0 when absent."),
            Map.entry("id", "Unique for its source. An event sent again keeps its id; an id seen before with other"
                    + " content is refused."),
            Map.entry("source", "Who raised the event, a URI-reference, e.g. urn:caseqa:case-management."),
            Map.entry("type", "The event type: the name of its data's record, e.g. CaseOpened."),
            Map.entry("time", "When it happened (RFC 3339)."),
            Map.entry("subject", "The id of what the event is about (a case, member of staff, audit, case of concern"
                    + " or follow-up): the Kafka record's key."),
            Map.entry("datacontenttype", "The content type of data; application/json when absent."),
            Map.entry("localauthority", "Extension attribute, required: the council whose records the event touches;"
                    + " the council of the topic it is sent on."),
            Map.entry("correlationid", "Extension attribute, optional: ties together the events one request caused;"
                    + " the event's own id when absent."),
            Map.entry("schemaversion", "Extension attribute, optional: the version of the type's data; the type's"
                    + " current version when absent. Any other version is refused."),
            Map.entry("data", "The event's data, described by the schema of its type."));

    private EventSchemas() {
    }

    static String fileOf(EventType type) {
        return type.typeName() + ".schema.json";
    }

    /** Every schema by file name, as its file holds it. */
    static SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(ENVELOPE, text(envelope()));
        for (EventType type : EventType.values()) {
            files.put(fileOf(type), text(of(type)));
        }
        return files;
    }

    static ObjectNode envelope() {
        Example.Place event = Example.of(EventType.CASE_OPENED).at("");
        ObjectNode schema = JSON.createObjectNode().put("$schema", DIALECT).put("title", "CloudEvent")
                .put("description", "A Case QA integration event: CloudEvents 1.0 in structured mode (the whole event"
                        + " is the Kafka record's value, content type application/cloudevents+json).")
                .put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent component : EventEnvelope.class.getRecordComponents()) {
            String name = component.getAccessor().getAnnotation(JsonProperty.class).value();
            Example.Place at = event.field(name);
            ObjectNode attribute = switch (name) {
                case "specversion" -> string().put("const", EventEnvelope.SPEC_VERSION);
                case "type" -> typeNames();
                case "datacontenttype" -> string().put("default", EventEnvelope.JSON);
                case "schemaversion" -> JSON.createObjectNode().put("type", "integer");
                case "data" -> JSON.createObjectNode().put("type", "object");
                default -> schemaOf(component.getGenericType(), at);
            };
            properties.set(name, JSON.createObjectNode().put("description", ATTRIBUTES.get(name)).setAll(attribute));
            if (!at.readsWithout()) {
                required.add(name);
            }
        }
        schema.set("required", required);
        return schema.put("additionalProperties", true);
    }

    private static ObjectNode string() {
        return JSON.createObjectNode().put("type", "string");
    }

    private static ObjectNode typeNames() {
        ObjectNode schema = string();
        ArrayNode names = schema.putArray("enum");
        Arrays.stream(EventType.values()).map(EventType::typeName).forEach(names::add);
        return schema;
    }

    static ObjectNode of(EventType type) {
        ObjectNode schema = JSON.createObjectNode().put("$schema", DIALECT).put("title", type.typeName())
                .put("description", "A CloudEvent of type " + type.typeName() + ", schema version "
                        + type.schemaVersion() + ", on topic " + topicOf(type.stream()) + ", keyed by its subject.")
                .put("$ref", ENVELOPE);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("const", type.typeName());
        properties.putObject("schemaversion").put("const", type.schemaVersion()).put("default", type.schemaVersion());
        properties.set("data", recordSchema(type.payloadType(), Example.of(type).at("/data")));
        return schema;
    }

    private static String topicOf(EventStream stream) {
        return stream.perCouncil() ? stream.topicFor("{council}") : stream.topic();
    }

    /** An object with every component of the record as a property, {@code at} the place of one in the example. */
    private static ObjectNode recordSchema(Class<?> record, Example.Place at) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            Example.Place field = at.field(component.getName());
            properties.set(component.getName(), schemaOf(component.getGenericType(), field));
            if (!field.readsWithout()) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema.put("additionalProperties", true);
    }

    /** The schema of a value of {@code type}; {@code at} its place in an example, to probe (null: none to probe). */
    private static ObjectNode schemaOf(Type type, Example.Place at) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                ObjectNode array = JSON.createObjectNode().put("type", "array");
                boolean records = arguments[0] instanceof Class<?> element && element.isRecord();
                array.set("items", schemaOf(arguments[0], at != null && records ? at.element(0) : null));
                return array;
            }
            if (generic.getRawType() == Map.class && arguments[0] == String.class) {
                ObjectNode map = JSON.createObjectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1], null));
                return map;
            }
        }
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType generic ? generic.getRawType() : type);
        if (raw == String.class) {
            return string(at);
        }
        if (raw == Instant.class) {
            return string().put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return string().put("format", "date");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return JSON.createObjectNode().put("type", "boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return integer(at);
        }
        if (raw.isEnum()) {
            ObjectNode schema = string();
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).forEach(values::add);
            return schema;
        }
        if (raw.isRecord()) {
            return recordSchema(raw, at);
        }
        throw new IllegalStateException("no JSON Schema for " + type + ": teach EventSchemas its type");
    }

    private static ObjectNode string(Example.Place at) {
        ObjectNode schema = string();
        if (at == null) {
            return schema;
        }
        if (!at.readsWith(JSON.getNodeFactory().stringNode(" "))) {
            schema.put("pattern", "\\S");
        }
        schema.put("maxLength", at.longestStringRead());
        if (at.name().equals("email")) {
            schema.put("pattern", "^" + StaffMemberRegistered.EMAIL + "$");
        }
        return schema;
    }

    private static ObjectNode integer(Example.Place at) {
        ObjectNode schema = JSON.createObjectNode().put("type", "integer");
        if (at != null && !at.readsWith(JSON.getNodeFactory().numberNode(-1))) {
            schema.put("minimum", at.readsWith(JSON.getNodeFactory().numberNode(0)) ? 0 : 1);
        }
        return schema;
    }

    static String text(JsonNode schema) {
        return JSON.writeValueAsString(schema) + "\n";
    }

    /** A type's example event, and whether {@link EventJson} still reads it with one value changed or removed. */
    record Example(ObjectNode event) {

        static Example of(EventType type) {
            String json = HostileEvents.example(type);
            EventJson.read(json); // the example itself is read, or every field would look required
            return new Example((ObjectNode) JSON.readTree(json));
        }

        Place at(String pointer) {
            return new Place(this, pointer);
        }

        /** A place in the example by its JSON Pointer, e.g. {@code /data/actions/0/dueBy}; there or not. */
        record Place(Example example, String pointer) {

            Place field(String name) {
                return new Place(example, pointer + "/" + name);
            }

            Place element(int index) {
                return new Place(example, pointer + "/" + index);
            }

            String name() {
                return pointer.substring(pointer.lastIndexOf('/') + 1);
            }

            boolean readsWithout() {
                return reads(null);
            }

            boolean readsWith(JsonNode value) {
                return reads(value);
            }

            /** The longest string read here: the example's own value, lengthened, keeps any form it must have. */
            int longestStringRead() {
                JsonNode own = example.event.at(pointer);
                String value = own.isString() ? own.asString() : "";
                int read = value.length();
                int refused = EventJson.MAX_STRING_LENGTH + 1;
                while (refused - read > 1) {
                    int length = (read + refused) / 2;
                    if (readsWith(JSON.getNodeFactory().stringNode("x".repeat(length - value.length()) + value))) {
                        read = length;
                    } else {
                        refused = length;
                    }
                }
                return read;
            }

            private boolean reads(JsonNode value) {
                ObjectNode event = example.event.deepCopy();
                String parent = pointer.substring(0, pointer.lastIndexOf('/'));
                if (!(event.at(parent) instanceof ObjectNode object)) {
                    throw new IllegalStateException("the example of " + event.get("type") + " has no object at "
                            + parent + ": give it one, so its fields can be described");
                }
                if (value == null) {
                    object.remove(name());
                } else {
                    object.set(name(), value);
                }
                try {
                    EventJson.read(JSON.writeValueAsBytes(event));
                    return true;
                } catch (InvalidEventException refused) {
                    return false;
                }
            }
        }
    }
}
