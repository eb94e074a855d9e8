package uk.caseqa.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import uk.caseqa.messaging.outbox.OutboxRelay;
import uk.caseqa.messaging.outbox.OutboxRelayScheduler;
import uk.caseqa.testsupport.WireMongo;

/**
 * Under a burst of submissions the board's projections and the other background bindings must leave the processor
 * to the work that ends in an Inadequate grade's email: their consumer threads run at the lowest priority, the
 * urgent bindings' at the normal one, and a relay pass that a background consumer's write sets off does not inherit
 * the background's priority. A background binding named in the settings that the service does not have stops the
 * service at start.
 */
class TheBoardsWorkWaitsWhileAnUrgentEmailIsOnItsWayTest {

    final BackgroundBindings background = new BackgroundBindings(List.of("auditEvents-in-0", "boardAggregate-in-0"));

    @Test
    void aBackgroundBindingsConsumerRunsAtTheLowestPriorityAndAnUrgentOneAtTheNormal() throws Exception {
        KafkaMessageListenerContainer<?, ?> board = container("qa.audit-events");
        KafkaMessageListenerContainer<?, ?> concern = container("qa.concern-events");

        background.configure(board, "auditEvents-in-0");
        background.configure(concern, "concernEvents-in-0");

        assertThat(priorityOfAThreadFrom(board.getContainerProperties().getListenerTaskExecutor()))
                .isEqualTo(Thread.MIN_PRIORITY);
        assertThat(concern.getContainerProperties().getListenerTaskExecutor())
                .as("left to the container's own threads, at the normal priority").isNull();
        assertThatThrownBy(background::checkNamed).as("misspelt: no binding of that name was made")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[boardAggregate-in-0]")
                .hasMessageContaining("concernEvents-in-0");
    }

    @Test
    void aServiceWhoseBindingsAreNotMadeYetIsNotCalledMisspelt() {
        background.checkNamed();
        background.configure(container("qa.audit-events"), "auditEvents-in-0");
        background.configure(container("qa.board"), "boardAggregate-in-0");
        background.checkNamed();
    }

    @Test
    void aRelayPassSetOffByABackgroundConsumerRunsAtTheNormalPriority() throws Exception {
        try (WireMongo store = new WireMongo()) {
            CompletableFuture<Integer> passPriority = new CompletableFuture<>();
            OutboxRelay relay = new OutboxRelay(store.template(), null, List.of("audits"), 10, Clock.systemUTC()) {
                @Override
                public int relayPending() {
                    passPriority.complete(Thread.currentThread().getPriority());
                    return 0;
                }
            };
            OutboxRelayScheduler scheduler = new OutboxRelayScheduler(relay, 2);
            Thread backgroundConsumer = new Thread(scheduler::publishSoon, "background-consumer");
            backgroundConsumer.setPriority(Thread.MIN_PRIORITY);
            backgroundConsumer.start();
            try {
                assertThat(passPriority.get(10, TimeUnit.SECONDS)).isEqualTo(Thread.NORM_PRIORITY);
            } finally {
                scheduler.destroy();
            }
        }
    }

    static KafkaMessageListenerContainer<?, ?> container(String topic) {
        KafkaMessageListenerContainer<?, ?> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties(topic));
        container.setBeanName(topic + ".container");
        return container;
    }

    static int priorityOfAThreadFrom(AsyncTaskExecutor threads) throws Exception {
        return threads.submit(() -> Thread.currentThread().getPriority()).get(10, TimeUnit.SECONDS);
    }
}
