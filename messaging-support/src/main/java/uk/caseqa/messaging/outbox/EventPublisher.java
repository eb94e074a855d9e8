package uk.caseqa.messaging.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import uk.caseqa.contracts.EventStream;

/**
 * Sends one outbox event to its stream's output binding ({@code <stream>-out}, e.g. {@code audits-out}) with the
 * aggregate id as the Kafka key. Producers are synchronous ({@code sync: true}), so a returned call means the broker
 * has the record.
 */
public class EventPublisher {

    private final StreamBridge streamBridge;
    private final MeterRegistry meters;

    public EventPublisher(StreamBridge streamBridge, MeterRegistry meters) {
        this.streamBridge = streamBridge;
        this.meters = meters;
    }

    public static String bindingOf(EventStream stream) {
        return stream.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-out";
    }

    public void publish(OutboxEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.json().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader("ce_type", event.type())
                .setHeader("ce_id", event.eventId())
                .build();
        boolean sent = streamBridge.send(bindingOf(EventStream.valueOf(event.stream())), message);
        if (!sent) {
            throw new IllegalStateException("event " + event.eventId() + " was not accepted by " + event.stream());
        }
        meters.counter("caseqa.events.published", "type", event.type()).increment();
    }
}
