package uk.caseqa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.client.result.UpdateResult;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.caseqa.testsupport.WireMongo;

/**
 * Two different events creating the same read-model document at once (two replicas, two partitions): MongoDB
 * answers one of the two upserts with E11000 duplicate key. That must not be taken for "already handled".
 */
class TwoEventsCreatingOneDocumentAtOnceTest {

    final WireMongo store = new WireMongo();

    @AfterEach
    void stop() {
        store.close();
    }

    /**
     * The store as MongoDB behaves when two upserts race for a new _id: the other writer's upsert lands first and
     * this one fails with a duplicate key (the wire server here serialises writes, so the race is set up by hand).
     */
    static final class RacingStore extends MongoTemplate {
        private final AtomicBoolean raced = new AtomicBoolean();
        private final Runnable otherWriter;

        RacingStore(MongoTemplate real, Runnable otherWriter) {
            super(real.getMongoDatabaseFactory(), real.getConverter());
            this.otherWriter = otherWriter;
        }

        @Override
        public UpdateResult upsert(Query query, org.springframework.data.mongodb.core.query.UpdateDefinition update,
                String collectionName) {
            if (raced.compareAndSet(false, true)) {
                otherWriter.run();
                throw new DuplicateKeyException("E11000 duplicate key error collection: " + collectionName,
                        new MongoWriteException(new WriteError(11000, "E11000 duplicate key", new BsonDocument()),
                                new ServerAddress()));
            }
            return super.upsert(query, update, collectionName);
        }
    }

    @Test
    void whenAnotherEventCreatesTheDocumentFirstThisEventIsStillApplied() {
        MongoTemplate real = store.template();
        IdempotentUpserts other = new IdempotentUpserts(real);
        IdempotentUpserts upserts = new IdempotentUpserts(new RacingStore(real,
                () -> other.apply("counts", "team-1", "event-a", new Update().inc("n", 1))));

        boolean applied = upserts.apply("counts", "team-1", "event-b", new Update().inc("n", 1));

        assertThat(applied).isTrue();
        assertThat(real.findById("team-1", Document.class, "counts").getInteger("n")).isEqualTo(2);
        assertThat(upserts.apply("counts", "team-1", "event-b", new Update().inc("n", 1))).isFalse();
        assertThat(real.findById("team-1", Document.class, "counts").getInteger("n")).isEqualTo(2);
    }

    @Test
    void twoReplicasCreatingTheSameDocumentsAtOnceCountEveryEventOnce() throws Exception {
        MongoTemplate real = store.template();
        IdempotentUpserts first = new IdempotentUpserts(real);
        IdempotentUpserts second = new IdempotentUpserts(real);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        Future<?> a = replicas.submit(() -> race(first, "a", together));
        Future<?> b = replicas.submit(() -> race(second, "b", together));
        a.get();
        b.get();
        replicas.shutdown();

        for (int doc = 0; doc < 100; doc++) {
            assertThat(real.findById("doc-" + doc, Document.class, "counts").getInteger("n")).as("doc-" + doc)
                    .isEqualTo(2);
        }
    }

    private static Void race(IdempotentUpserts upserts, String replica, CyclicBarrier together) throws Exception {
        for (int doc = 0; doc < 100; doc++) {
            together.await();
            upserts.apply("counts", "doc-" + doc, replica + "-" + doc, new Update().inc("n", 1));
        }
        return null;
    }

    @Test
    void aDocumentRemembersOnlyTheLatestEventIdsSoItStaysSmallHoweverLongItLives() {
        MongoTemplate real = store.template();
        IdempotentUpserts upserts = new IdempotentUpserts(real);

        for (int n = 0; n < 1_000; n++) {
            upserts.apply("staff", "swindon/staff-tm-7", "event-" + n, new Update().set("role", "TEAM_MANAGER"));
        }

        Document staff = real.findById("swindon/staff-tm-7", Document.class, "staff");
        assertThat(staff.getList(IdempotentUpserts.HANDLED_FIELD, String.class))
                .hasSize(IdempotentUpserts.HANDLED_KEPT).endsWith("event-999");
        assertThat(upserts.apply("staff", "swindon/staff-tm-7", "event-999", new Update().set("role", "X"))).isFalse();
    }
}
