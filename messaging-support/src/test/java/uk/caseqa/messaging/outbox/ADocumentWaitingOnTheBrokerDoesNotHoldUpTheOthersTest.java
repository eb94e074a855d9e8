package uk.caseqa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.testsupport.WireMongo;

/**
 * An audit's events are being sent and the broker is slow to acknowledge them. An Inadequate grade stored meanwhile
 * in another audit must not wait behind them: the relay starts another pass beside the one waiting, which claims the
 * other document. Each document's events still go out once each, in order.
 */
class ADocumentWaitingOnTheBrokerDoesNotHoldUpTheOthersTest {

    final WireMongo store = new WireMongo();
    final ConcurrentLinkedQueue<String> published = new ConcurrentLinkedQueue<>();
    final CountDownLatch slowSendStarted = new CountDownLatch(1);
    final CountDownLatch brokerAnswers = new CountDownLatch(1);
    OutboxRelayScheduler scheduler;

    @AfterEach
    void stop() throws InterruptedException {
        brokerAnswers.countDown();
        if (scheduler != null) {
            scheduler.destroy();
        }
        store.close();
    }

    @Test
    void anotherPassPublishesTheGradeWhileTheFirstWaitsForTheBroker() throws InterruptedException {
        EventPublisher slowForTheFirstAudit = new EventPublisher(null, new SimpleMeterRegistry()) {
            @Override
            public void publish(OutboxEvent event) {
                if (event.eventId().equals("allocated-1")) {
                    slowSendStarted.countDown();
                    try {
                        brokerAnswers.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                published.add(event.eventId());
            }
        };
        OutboxRelay relay = new OutboxRelay(store.template(), slowForTheFirstAudit, List.of("audits"), 10,
                Clock.systemUTC());
        scheduler = new OutboxRelayScheduler(relay, 2);
        store.template().insert(document("audit-1", "allocated-1", "completed-1"), "audits");
        scheduler.publishSoon();
        assertThat(slowSendStarted.await(10, TimeUnit.SECONDS)).as("the first audit's send started").isTrue();

        store.template().insert(document("audit-2", "inadequate-2"), "audits");
        scheduler.publishSoon();

        await().atMost(Duration.ofSeconds(10)).until(() -> published.contains("inadequate-2"));
        assertThat(published).as("published while the first audit's send still waits").containsExactly("inadequate-2");
        brokerAnswers.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 3);
        assertThat(published).containsExactly("inadequate-2", "allocated-1", "completed-1");
        assertThat(store.template().findAll(Document.class, "audits"))
                .allSatisfy(audit -> assertThat(audit.getList(OutboxRelay.OUTBOX_FIELD, Document.class)).isEmpty());
    }

    static Document document(String id, String... eventIds) {
        return new Document("_id", id).append(OutboxRelay.OUTBOX_FIELD, java.util.Arrays.stream(eventIds)
                .map(eventId -> new Document("eventId", eventId).append("type", "AuditAllocated")
                        .append("stream", "AUDITS").append("key", id).append("json", "{}")
                        .append("raisedAt", java.util.Date.from(Instant.now())))
                .toList());
    }
}
