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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.caseqa.testsupport.MutableClock;

/**
 * Every write to the store is a commit, and under load commits are what the platform waits for: the relay claims a
 * document, publishes its events and then takes them off and gives the claim back in one write, two writes however
 * many events the document holds. A send that fails sets the document aside for a few seconds, not the two minutes of
 * a claim, and not the documents behind it: an event that can never be sent holds up nothing else.
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
    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    final MutableClock clock = new MutableClock(START);

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
    void aSendThatFailedLeavesWhatWentOutPublishedAndTheDocumentAsideForAFewSecondsNotTheOthers() {
        mongo.insert(new Document("_id", "audit-1").append(OutboxRelay.OUTBOX_FIELD, List.of(event("e1", 0),
                event("e2", 1), event("e3", 2))), "audits");
        mongo.insert(new Document("_id", "audit-2").append(OutboxRelay.OUTBOX_FIELD, List.of(event("e4", 3))),
                "audits");
        EventPublisher refusesE2Once = new EventPublisher(null, new SimpleMeterRegistry()) {
            boolean refused;

            @Override
            public void publish(OutboxEvent event) {
                if (event.eventId().equals("e2") && !refused) {
                    refused = true;
                    throw new IllegalStateException("record too large");
                }
                published.add(event.eventId());
            }
        };
        OutboxRelay relay = new OutboxRelay(mongo, refusesE2Once, List.of("audits"), 10, clock);

        assertThatThrownBy(relay::relayPending).hasMessageContaining("record too large");
        assertThat(mongo.findById("audit-1", Document.class, "audits").getList(OutboxRelay.OUTBOX_FIELD,
                Document.class)).extracting(d -> d.getString("eventId")).containsExactly("e2", "e3");

        // the next pass, at the same moment: the failed document waits, the one behind it does not
        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(published).containsExactly("e1", "e4");

        clock.advance(OutboxRelay.RETRY_AFTER);
        assertThat(relay.relayPending()).isEqualTo(2);
        assertThat(published).containsExactly("e1", "e4", "e2", "e3");
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
        return new OutboxRelay(mongo, publisher, List.of("audits"), 10, clock);
    }

    static Document event(String id) {
        return event(id, 0);
    }

    /** Raised {@code second}s after the test's start. */
    static Document event(String id, int second) {
        return new Document("eventId", id).append("type", "AuditCompleted").append("stream", "AUDITS")
                .append("key", "audit-1").append("json", "{}")
                .append("raisedAt", java.util.Date.from(START.plusSeconds(second)));
    }
}
