package uk.caseqa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Under steady load the relay takes one document at a time while new ones keep arriving: it must take the one that has
 * waited longest, not the first in the store's or the index's order, or an Inadequate grade can wait for as long as
 * newer ones keep coming.
 */
class TheEventThatWaitedLongestIsPublishedFirstTest {

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client = MongoClients.create("mongodb://" + TwoRelaysOnOneOutboxTest.hostAndPort(server));
    final MongoTemplate mongo = new MongoTemplate(client, "relay-order-test");
    final List<String> published = new ArrayList<>();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void documentsStoredNewestFirstWithTheirIdsInThatOrderArePublishedOldestFirst() {
        Instant base = Instant.parse("2026-11-27T09:00:00Z");
        // stored newest first, and their event ids ascending in that order too: neither order is the age
        for (int i = 0; i < 12; i++) {
            Instant raised = base.plusSeconds(60 - 5L * i);
            mongo.insert(new Document("_id", "audit-" + i).append(OutboxRelay.OUTBOX_FIELD,
                    List.of(event("e" + (10 + i) + "-first", raised), event("e" + (10 + i) + "-then",
                            raised.plusMillis(1)))), "audits");
        }
        OutboxRelay relay = new OutboxRelay(mongo, new EventPublisher(null, new SimpleMeterRegistry()) {
            @Override
            public void publish(OutboxEvent event) {
                published.add(event.eventId());
            }
        }, List.of("audits"), 1, Clock.systemUTC());

        // one document a pass, as when the relay is busy and every pass finds new documents waiting
        for (int pass = 0; pass < 4; pass++) {
            relay.relayPending();
        }
        // a newer document arrives between passes: it waits its turn
        mongo.insert(new Document("_id", "audit-new").append(OutboxRelay.OUTBOX_FIELD,
                List.of(event("e00-newest", base.plusSeconds(120)))), "audits");
        while (relay.relayPending() > 0) {
            // until nothing is left
        }

        assertThat(published).startsWith("e21-first", "e21-then", "e20-first", "e20-then", "e19-first", "e19-then",
                "e18-first", "e18-then", "e17-first").endsWith("e11-then", "e10-first", "e10-then", "e00-newest")
                .hasSize(25);
    }

    static Document event(String id, Instant raised) {
        return new Document("eventId", id).append("type", "AuditCompleted").append("stream", "AUDITS")
                .append("key", "k").append("json", "{}").append("raisedAt", Date.from(raised));
    }
}
