package uk.caseqa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two replicas relaying the same collection at the same moment publish each event once, on the Mongo wire server. */
class TwoRelaysOnOneOutboxTest {

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server));
    final MongoTemplate mongo = new MongoTemplate(client, "relay-test");
    final ConcurrentLinkedQueue<String> published = new ConcurrentLinkedQueue<>();

    static String hostAndPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getHostString() + ":" + server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    class RecordingPublisher extends EventPublisher {
        RecordingPublisher() {
            super(null, new SimpleMeterRegistry());
        }

        @Override
        public void publish(OutboxEvent event) {
            published.add(event.eventId());
        }
    }

    @Test
    void eachEventIsPublishedOnceWhenTwoRelaysRaceForTheSameDocuments() throws Exception {
        for (int doc = 0; doc < 50; doc++) {
            mongo.insert(new Document("_id", "agg-" + doc).append("outbox", List.of(event("e" + doc + "a"),
                    event("e" + doc + "b"))), "aggregates");
        }
        OutboxRelay first = new OutboxRelay(mongo, new RecordingPublisher(), List.of("aggregates"), 100, java.time.Clock.systemUTC());
        OutboxRelay second = new OutboxRelay(mongo, new RecordingPublisher(), List.of("aggregates"), 100, java.time.Clock.systemUTC());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        Future<Integer> a = replicas.submit(() -> {
            together.await();
            return first.relayPending();
        });
        Future<Integer> b = replicas.submit(() -> {
            together.await();
            return second.relayPending();
        });

        assertThat(a.get() + b.get()).isEqualTo(100);
        replicas.shutdown();
        assertThat(published).hasSize(100).doesNotHaveDuplicates();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "aggregates")).isEqualTo(50);
        assertThat(first.relayPending() + second.relayPending()).isZero();
    }

    static Document event(String id) {
        return new Document("eventId", id).append("type", "CaseOpened").append("stream", "CASES")
                .append("key", "k").append("json", "{}").append("raisedAt", java.util.Date.from(Instant.now()));
    }
}
