package uk.caseqa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every write to the store is a commit, and under load commits are what the platform waits for: the relay claims a
 * document, publishes its events and then takes them off and gives the claim back in one write, two writes however
 * many events the document holds. A send that fails gives the document back at once, so the next pass (or replica)
 * tries again without waiting for the claim to lapse.
 */
class ARelayedDocumentCostsTwoWritesTest {

    static final Set<String> WRITES = Set.of("insert", "update", "findAndModify", "delete");
    final MongoServer server = new MongoServer(new MemoryBackend());
    final List<String> writes = new ArrayList<>();
    final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://" + TwoRelaysOnOneOutboxTest.hostAndPort(server)))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (WRITES.contains(event.getCommandName())) {
                        synchronized (writes) {
                            writes.add(event.getCommandName());
                        }
                    }
                }
            }).build());
    final MongoTemplate mongo = new MongoTemplate(client, "relay-writes-test");
    final List<String> published = new ArrayList<>();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void threeEventsOfOneAuditArePublishedWithOneClaimAndOneWriteAfter() {
        mongo.insert(new Document("_id", "audit-1").append(OutboxRelay.OUTBOX_FIELD, List.of(event("e1"), event("e2"),
                event("e3"))), "audits");
        writes.clear();

        assertThat(relay(recording()).relayPending()).isEqualTo(3);

        assertThat(published).containsExactly("e1", "e2", "e3");
        // the claim, the events taken off with the claim given back, and the claim that finds nothing left
        assertThat(writes).containsExactly("findAndModify", "update", "findAndModify");
        Document stored = mongo.findById("audit-1", Document.class, "audits");
        assertThat(stored).doesNotContainKeys(OutboxRelay.CLAIM_FIELD, OutboxRelay.CLAIM_TOKEN_FIELD);
        assertThat(stored.getList(OutboxRelay.OUTBOX_FIELD, Document.class)).isEmpty();
    }

    @Test
    void aSendThatFailedLeavesWhatWentOutPublishedAndTheRestForTheNextPassAtOnce() {
        mongo.insert(new Document("_id", "audit-1").append(OutboxRelay.OUTBOX_FIELD, List.of(event("e1"), event("e2"),
                event("e3"))), "audits");
        EventPublisher brokerGoneAfterOne = new EventPublisher(null, new SimpleMeterRegistry()) {
            @Override
            public void publish(OutboxEvent event) {
                if (!published.isEmpty()) {
                    throw new IllegalStateException("broker unreachable");
                }
                published.add(event.eventId());
            }
        };

        assertThatThrownBy(() -> relay(brokerGoneAfterOne).relayPending()).hasMessageContaining("broker unreachable");
        assertThat(mongo.findById("audit-1", Document.class, "audits").getList(OutboxRelay.OUTBOX_FIELD,
                Document.class)).extracting(d -> d.getString("eventId")).containsExactly("e2", "e3");

        // the same moment, no claim to wait for
        assertThat(relay(recording()).relayPending()).isEqualTo(2);
        assertThat(published).containsExactly("e1", "e2", "e3");
    }

    private EventPublisher recording() {
        return new EventPublisher(null, new SimpleMeterRegistry()) {
            @Override
            public void publish(OutboxEvent event) {
                published.add(event.eventId());
            }
        };
    }

    private OutboxRelay relay(EventPublisher publisher) {
        return new OutboxRelay(mongo, publisher, List.of("audits"), 10, Clock.fixed(
                Instant.parse("2026-11-27T09:00:00Z"), java.time.ZoneOffset.UTC));
    }

    static Document event(String id) {
        return new Document("eventId", id).append("type", "AuditCompleted").append("stream", "AUDITS")
                .append("key", "audit-1").append("json", "{}").append("raisedAt", java.util.Date.from(Instant.now()));
    }
}
