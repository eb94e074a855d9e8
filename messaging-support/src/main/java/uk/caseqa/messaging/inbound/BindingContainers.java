package uk.caseqa.messaging.inbound;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import uk.caseqa.messaging.kafka.BackgroundBindings;

/**
 * The binder's one customizer of every consumer binding's container (it takes a single bean): a batch binding's
 * dead letters ({@link BatchBindingDeadLetters}) and a background binding's thread priority
 * ({@link BackgroundBindings}).
 */
public class BindingContainers implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private final BatchBindingDeadLetters deadLetters;
    private final BackgroundBindings background;

    public BindingContainers(BatchBindingDeadLetters deadLetters, BackgroundBindings background) {
        this.deadLetters = deadLetters;
        this.background = background;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        // only the variant with the binding's properties is used: it names the binding
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        background.configure(container, properties.getBindingName());
        deadLetters.configure(container, group, backOff, properties);
    }

    @Override
    public void destroy() {
        deadLetters.destroy();
    }
}
