package uk.caseqa.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.caseqa.contracts.EventJson;

/**
 * What a dead-letter record holds (the binder's dead-letter producer writes its value with this): identifiers and
 * the reason, never whatever else a refused message carried (the reasons name fields and positions, not the text
 * met there, and the binder's stack-trace header is dropped). A record that reads as a valid event is kept as the
 * contract writes it (its identifiers and the contract's own fields, nothing a sender added), so it can be replayed.
 * One that does not is replaced by the identifiers it names ({@code id}, {@code type}, {@code subject},
 * {@code localauthority}, each cut at 100 characters) and marked {@value #REDACTED}: nothing vouches for the rest of
 * it, and replaying it could only fail again. The reason stays in the binder's {@code x-exception-message} header.
 */
public class DeadLetterValues implements Serializer<byte[]> {

    public static final String REDACTED = "x-caseqa-redacted";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_IDENTIFIER = 100;

    @Override
    public byte[] serialize(String topic, byte[] data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (headers != null) {
            // a stack trace repeats the messages and says nothing an operator needs; a sender's own mark is not ours
            headers.remove("x-exception-stacktrace");
            headers.remove(REDACTED);
        }
        try {
            return EventJson.write(EventJson.read(data));
        } catch (RuntimeException invalid) {
            if (headers != null) {
                headers.add(REDACTED, "refused as invalid: identifiers only".getBytes(StandardCharsets.UTF_8));
            }
            return identifiersOf(data);
        }
    }

    static byte[] identifiersOf(byte[] data) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("deadLettered", "refused as invalid: identifiers only, the reason in x-exception-message");
        kept.put("bytes", data.length);
        try {
            if (data.length <= EventJson.MAX_EVENT_BYTES) {
                JsonNode tree = JSON.readTree(new String(data, StandardCharsets.UTF_8));
                if (tree != null && tree.isObject()) {
                    for (String field : new String[] {"id", "type", "subject", "localauthority"}) {
                        JsonNode value = tree.get(field);
                        if (value != null && value.isString()) {
                            String text = value.asString();
                            kept.put(field, text.length() > MAX_IDENTIFIER ? text.substring(0, MAX_IDENTIFIER) : text);
                        }
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // not JSON: its size is all that is kept
        }
        return JSON.writeValueAsBytes(kept);
    }
}
