package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded run's store answers from the services' indexes (and from the one {@code _id} a query names) instead
 * of reading every document; the answers must be exactly a scan's. The same random documents go into the embedded
 * store, indexed, and into the plain in-memory wire server, which scans; every query shape the services use is asked
 * of both, before and after updates that move documents between values, and again after the store is reopened (its
 * in-memory indexes rebuilt from the file).
 */
class TheEmbeddedStoreAnswersFromItsIndexesAsAScanWouldTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyQueryShapeTheServicesUseGetsTheScansAnswerBeforeAndAfterChangesAndAReopen() {
        Path file = dir.resolve("mongo.mv");
        MongoServer scanning = new MongoServer(new MemoryBackend());
        var scanAddress = scanning.bind();
        try (MongoClient scanClient = MongoClients.create("mongodb://127.0.0.1:" + scanAddress.getPort())) {
            MongoCollection<Document> expected = scanClient.getDatabase("caseqa-test").getCollection("audits");
            Random random = new Random(42);
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                documents.add(randomDocument("audit-" + i, random));
            }
            // on the bounds: due exactly now, and an outbox event named in a query
            documents.add(new Document("_id", "audit-due-now").append("version", 0L).append("status", "SUBMITTED")
                    .append("nextDueAt", Date.from(NOW)).append("outbox", List.of(new Document("eventId", "e-now"))));
            expected.insertMany(documents);

            withIndexedStore(file, indexed -> {
                MongoCollection<Document> audits = indexed.getCollection("audits");
                audits.createIndex(Indexes.ascending("nextDueAt"), new IndexOptions().sparse(true).name("due"));
                audits.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true).name("out"));
                audits.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
                audits.createIndex(Indexes.ascending("digestWritten"), new IndexOptions().sparse(true).name("digest"));
                audits.createIndex(Indexes.compoundIndex(Indexes.ascending("council"), Indexes.descending("at")),
                        new IndexOptions().name("council_at"));
                // a compound index whose last field is the one that narrows (notification-service's work items)
                audits.createIndex(Indexes.compoundIndex(Indexes.ascending("council"), Indexes.ascending("status"),
                        Indexes.ascending("version")), new IndexOptions().name("council_status_version"));
                audits.insertMany(documents);
                assertSameAnswers(audits, expected);

                // changes move documents between values, in and out of the sparse indexes
                for (int i = 0; i < 400; i += 3) {
                    Bson change = i % 2 == 0
                            ? Updates.combine(Updates.unset("nextDueAt"), Updates.set("outbox", List.of()),
                                    Updates.set("status", "CLOSED"))
                            : Updates.combine(Updates.set("nextDueAt", Date.from(NOW.plusSeconds(i * 60L))),
                                    Updates.push("outbox", new Document("eventId", "e-new-" + i)));
                    audits.updateOne(Filters.and(Filters.eq("_id", "audit-" + i), Filters.exists("version")), change);
                    expected.updateOne(Filters.eq("_id", "audit-" + i), change);
                }
                audits.deleteMany(Filters.in("_id", "audit-1", "audit-2", "audit-5"));
                expected.deleteMany(Filters.in("_id", "audit-1", "audit-2", "audit-5"));
                assertSameAnswers(audits, expected);
            });
            // reopened: the indexes are rebuilt from what the file holds
            withIndexedStore(file, indexed -> assertSameAnswers(indexed.getCollection("audits"), expected));
        } finally {
            scanning.shutdownNow();
        }
    }

    private static Document randomDocument(String id, Random random) {
        Document document = new Document("_id", id).append("version", (long) random.nextInt(5))
                .append("status", List.of("ALLOCATED", "SUBMITTED", "CLOSED").get(random.nextInt(3)))
                .append("council", List.of("swindon", "bolton").get(random.nextInt(2)))
                .append("at", Date.from(NOW.minusSeconds(random.nextInt(100_000))));
        if (random.nextInt(3) == 0) {
            document.append("digestWritten", random.nextBoolean());
        }
        if (random.nextInt(3) > 0) {
            document.append("nextDueAt", Date.from(NOW.plusSeconds(random.nextInt(200_000) - 100_000)));
        }
        List<Document> outbox = new ArrayList<>();
        for (int e = random.nextInt(4) - 1; e > 0; e--) {
            outbox.add(new Document("eventId", id + "-e" + e).append("type", "AuditAllocated"));
        }
        return document.append("outbox", outbox);
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        List<Bson> queries = List.of(
                // the deadline scan: due by now, not set aside
                Filters.and(Filters.lte("nextDueAt", Date.from(NOW)), Filters.or(Filters.exists("setAside", false),
                        Filters.lte("setAside", Date.from(NOW)))),
                Filters.gt("nextDueAt", Date.from(NOW)),
                Filters.and(Filters.gte("nextDueAt", Date.from(NOW.minusSeconds(50_000))),
                        Filters.lt("nextDueAt", Date.from(NOW.plusSeconds(50_000)))),
                // the outbox relay's claim: something waiting, claim free
                Filters.and(Filters.exists("outbox.eventId"), Filters.or(Filters.exists("outboxClaimedUntil", false),
                        Filters.lte("outboxClaimedUntil", Date.from(NOW)))),
                Filters.eq("outbox.eventId", "e-now"),
                // a batch consumer's look-up of its poll's ids among its received-event records (events.id)
                Filters.in("outbox.eventId", "audit-3-e1", "audit-7-e2", "audit-7-e1", "no-such-event"),
                Filters.eq("nextDueAt", Date.from(NOW)),
                Filters.eq("status", "SUBMITTED"),
                Filters.in("status", "ALLOCATED", "CLOSED"),
                Filters.and(Filters.eq("status", "SUBMITTED"), Filters.lte("nextDueAt", Date.from(NOW))),
                Filters.eq("council", "bolton"),
                // compound indexes: answered by whichever of their fields finds the fewest
                Filters.and(Filters.eq("council", "bolton"), Filters.gte("at", Date.from(NOW.minusSeconds(20_000)))),
                Filters.and(Filters.eq("council", "swindon"), Filters.eq("status", "CLOSED"), Filters.eq("version", 3L)),
                Filters.and(Filters.eq("council", "swindon"), Filters.in("version", 1L, 4L),
                        Filters.lte("nextDueAt", Date.from(NOW))),
                Filters.and(Filters.eq("version", 0L), Filters.ne("status", "CLOSED")),
                // a boolean in a sparse index (notification-service's digests still to write)
                Filters.and(Filters.eq("status", "SUBMITTED"), Filters.eq("digestWritten", false)),
                Filters.eq("digestWritten", true),
                // a version-checked update's query, and one naming an _id that is not there
                Filters.and(Filters.eq("_id", "audit-9"), Filters.eq("version", 2L)),
                Filters.and(Filters.eq("_id", "audit-9"), Filters.exists("version")),
                Filters.and(Filters.eq("_id", "no-such-audit"), Filters.exists("version")),
                Filters.and(Filters.in("_id", "audit-3", "audit-4", "audit-4", "no-such-audit"),
                        Filters.eq("status", "SUBMITTED")),
                // conditions a missing field meets are left to the scan
                Filters.exists("nextDueAt", false),
                Filters.ne("status", "CLOSED"));
        for (Bson query : queries) {
            assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(scanned, query));
        }
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson query) {
        return collection.find(query).sort(Sorts.ascending("_id")).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    private static void withIndexedStore(Path file, java.util.function.Consumer<MongoDatabase> use) {
        DurableH2Backend backend = new DurableH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            use.accept(client.getDatabase("caseqa-test"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
