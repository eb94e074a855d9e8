package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * asyncapi.yaml, the catalogue integrators and tools read, cannot fall behind the code: every topic of
 * {@link EventStream} is a channel at its address, every {@link EventType} a message of its stream's channel with
 * its schema file, every reference finds what it names, and every service that receives a stream has its
 * dead-letter topic.
 */
class TheAsyncApiDocumentNamesEveryTopicAndEventTest {

    static final JsonNode ASYNCAPI = read();

    @Test
    void itIsAnAsyncApi3DocumentOfStructuredCloudEvents() {
        assertThat(ASYNCAPI.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(ASYNCAPI.get("defaultContentType").asString()).isEqualTo("application/cloudevents+json");
    }

    @ParameterizedTest
    @EnumSource(EventStream.class)
    void everyTopicIsAChannelAtItsAddressWithTheCouncilAsAParameterWhereThereIsATopicPerCouncil(EventStream stream) {
        JsonNode channel = ASYNCAPI.get("channels").get(channelOf(stream));

        assertThat(channel.get("parameters") != null && channel.get("parameters").has("council"))
                .as("%s has a council parameter", stream).isEqualTo(stream.perCouncil());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOfItsTopicsChannelWithItsSchema(EventType type) {
        JsonNode channel = ASYNCAPI.get("channels").get(channelOf(type.stream()));
        assertThat(channel.at("/messages/" + type.typeName() + "/$ref").asString())
                .isEqualTo("#/components/messages/" + type.typeName());

        JsonNode message = ASYNCAPI.at("/components/messages/" + type.typeName());
        assertThat(message.get("name").asString()).isEqualTo(type.typeName());
        assertThat(message.get("contentType").asString()).isEqualTo("application/cloudevents+json");
        assertThat(message.at("/payload/schema/$ref").asString()).isEqualTo("schemas/" + EventSchemas.fileOf(type));
        assertThat(message.at("/payload/schemaFormat").asString())
                .isEqualTo("application/schema+json;version=draft-2020-12");
    }

    @ParameterizedTest
    @EnumSource(EventStream.class)
    void everyTopicHasASenderAndAReceiver(EventStream stream) {
        String channel = "#/channels/" + channelOf(stream);

        assertThat(operations(channel, "send")).as("who sends on %s", stream).isNotEmpty();
        assertThat(operations(channel, "receive")).as("who receives %s", stream).isNotEmpty();
    }

    @Test
    void everyServiceInAGroupThatReceivesATopicHasItsDeadLetterTopic() {
        List<String> checked = new ArrayList<>();
        for (EventStream stream : EventStream.values()) {
            for (JsonNode operation : operations("#/channels/" + channelOf(stream), "receive")) {
                String group = operation.at("/bindings/kafka/groupId/const").asString(null);
                if (group == null) {
                    continue; // reporting-service's replicas read the board aggregates whole, with no dead letters
                }
                JsonNode deadLetters = deadLetterChannelOf(stream);
                assertThat(deadLetters.at("/parameters/service/enum").valueStream().map(JsonNode::asString))
                        .as("%s's dead-letter topic for %s", group, stream.topic()).contains(group);
                checked.add(group + " " + stream);
            }
        }
        assertThat(checked).hasSizeGreaterThan(10);
    }

    @Test
    void everyReferenceFindsWhatItNames() {
        List<String> references = new ArrayList<>();
        collectReferences(ASYNCAPI, references);

        assertThat(references).hasSizeGreaterThan(EventType.values().length * 2);
        assertThat(references).as("references that find nothing").filteredOn(reference -> reference.startsWith("#")
                ? ASYNCAPI.at(reference.substring(1)).isMissingNode()
                : EventType.class.getResource("/" + reference) == null).isEmpty();
    }

    /** The key of the channel whose address is the stream's topic (a topic per council: with {council}). */
    private static String channelOf(EventStream stream) {
        String address = stream.perCouncil() ? stream.topicFor("{council}") : stream.topic();
        return ASYNCAPI.get("channels").properties().stream()
                .filter(channel -> address.equals(channel.getValue().path("address").asString(null)))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no channel at " + address));
    }

    private static JsonNode deadLetterChannelOf(EventStream stream) {
        String address = stream.topic() + ".{service}.dlq";
        return ASYNCAPI.get("channels").valueStream()
                .filter(channel -> address.equals(channel.path("address").asString(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no channel at " + address));
    }

    private static List<JsonNode> operations(String channel, String action) {
        return ASYNCAPI.get("operations").valueStream()
                .filter(operation -> operation.at("/channel/$ref").asString("").equals(channel))
                .filter(operation -> operation.get("action").asString().equals(action)).toList();
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject() && node.has("$ref")) {
            references.add(node.get("$ref").asString());
        }
        node.valueStream().forEach(child -> collectReferences(child, references));
    }

    private static JsonNode read() {
        try (InputStream in = EventType.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml").isNotNull();
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
