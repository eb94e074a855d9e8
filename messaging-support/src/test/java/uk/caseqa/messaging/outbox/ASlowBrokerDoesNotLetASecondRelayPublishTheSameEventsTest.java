package uk.caseqa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.WireMongo;

/**
 * One relay's sends are slow (a broker electing a leader: each send blocks for 90 s, within the producers' bounds).
 * While it is still publishing one document's events, a second replica's relay runs: it must find the document's
 * outbox still claimed, or it would publish the remaining events a second time, and out of order.
 */
class ASlowBrokerDoesNotLetASecondRelayPublishTheSameEventsTest {

    final WireMongo store = new WireMongo();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final List<String> published = new ArrayList<>();

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void theSecondReplicaFindsTheOutboxStillClaimedWhileTheFirstIsPublishingSlowly() {
        store.template().insert(new Document("_id", "audit-1").append("outbox", List.of(event("e1"), event("e2"),
                event("e3"))), "audits");
        OutboxRelay[] second = new OutboxRelay[1];
        EventPublisher slow = new EventPublisher(null, new SimpleMeterRegistry()) {
            @Override
            public void publish(OutboxEvent event) {
                clock.advance(Duration.ofSeconds(90));
                if (event.eventId().equals("e2")) {
                    second[0].relayPending();
                }
                published.add("first:" + event.eventId());
            }
        };
        EventPublisher quick = new EventPublisher(null, new SimpleMeterRegistry()) {
            @Override
            public void publish(OutboxEvent event) {
                published.add("second:" + event.eventId());
            }
        };
        OutboxRelay first = new OutboxRelay(store.template(), slow, List.of("audits"), 10, clock);
        second[0] = new OutboxRelay(store.template(), quick, List.of("audits"), 10, clock);

        assertThat(first.relayPending()).isEqualTo(3);

        assertThat(published).containsExactly("first:e1", "first:e2", "first:e3");
        assertThat(second[0].relayPending()).isZero();
        assertThat(store.template().findById("audit-1", Document.class, "audits"))
                .doesNotContainKeys(OutboxRelay.CLAIM_FIELD, OutboxRelay.CLAIM_TOKEN_FIELD);
    }

    static Document event(String id) {
        return new Document("eventId", id).append("type", "AuditAllocated").append("stream", "AUDITS")
                .append("key", "audit-1").append("json", "{}").append("raisedAt", java.util.Date.from(Instant.now()));
    }
}
