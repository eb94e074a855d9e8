package uk.caseqa.messaging.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import uk.caseqa.contracts.EventStream;

/**
 * Sends one outbox event to its stream's output binding ({@code <stream>-out}, e.g. {@code audits-out}) with the
 * aggregate id as the Kafka key, as a CloudEvent in structured mode (header {@code content-type:
 * application/cloudevents+json}, the envelope as the value). Producers are synchronous ({@code sync: true}), so a returned call means the broker
 * has the record.
 */
public class EventPublisher {

    /** The content type of a CloudEvent in structured mode: the envelope is the record's value. */
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    /** The Kafka record header CloudEvents readers look at (the binder's own {@code contentType} is Spring's). */
    public static final String CONTENT_TYPE_HEADER = "content-type";

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
                // Spring's own header stays plain JSON: Spring Cloud Function would turn a structured CloudEvent
                // into binary mode before our consumers, which read the whole envelope, saw it
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                // CloudEvents' Kafka binding, structured mode: the record's own content-type header, written as is
                .setHeader(CONTENT_TYPE_HEADER, CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8))
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
