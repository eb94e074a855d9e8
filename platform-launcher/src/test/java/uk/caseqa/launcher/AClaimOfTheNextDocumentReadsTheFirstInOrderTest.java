package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim of the next document to work on (the outbox relay's oldest waiting document, the next email due) is a query
 * sorted on one field and asking for one document. The embedded store answers it by walking that field's index in
 * order and reading documents until one matches, where the wire server read and sorted every candidate: under load,
 * every claim of a backlog of hundreds of waiting audits read all of them (docs/performance.md). The answers must
 * still be exactly MongoDB's, arrays included (an array sorts by its least value ascending, its greatest descending,
 * whatever part of it the query's condition meets).
 */
class AClaimOfTheNextDocumentReadsTheFirstInOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSortedQueryForAFewDocumentsGetsTheScansFirstOnesInEitherOrderArraysIncluded() {
        try (Stores stores = new Stores(dir.resolve("mongo.mv"))) {
            MongoCollection<Document> expected = stores.expected;
            MongoCollection<Document> indexed = stores.indexed;
            indexed.createIndex(Indexes.ascending("availableAt"), new IndexOptions().sparse(true).name("due"));
            indexed.createIndex(Indexes.ascending("outbox.raisedAt"), new IndexOptions().sparse(true).name("oldest"));
            indexed.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
            List<Document> documents = randomDocuments(new Random(7), 300);
            expected.insertMany(documents);
            indexed.insertMany(documents);

            Date someDue = documents.get(3).getDate("availableAt");
            List<Date> severalDue = documents.stream().map(d -> d.getDate("availableAt")).filter(d -> d != null)
                    .limit(4).toList();
            List<Date> severalRaised = documents.stream().flatMap(d -> d.getList("outbox", Document.class).stream())
                    .map(e -> e.getDate("raisedAt")).limit(5).toList();
            var collection = stores.indexedCollection();
            long before = collection.documentsRead();
            assertThat(ids(indexed, Filters.lte("availableAt", at(0)), Sorts.ascending("availableAt"), 0, 1))
                    .isEqualTo(ids(expected, Filters.lte("availableAt", at(0)), Sorts.ascending("availableAt"), 0, 1));
            assertThat(collection.documentsRead() - before).as("documents read for the first due of about 110")
                    .isEqualTo(1);

            assertSameFirstOnes(indexed, expected, List.of(Filters.lte("availableAt", at(0)),
                    Filters.and(Filters.eq("status", "PENDING"), Filters.lte("availableAt", at(0))),
                    Filters.and(Filters.gte("availableAt", at(-20_000)), Filters.lt("availableAt", at(20_000))),
                    Filters.exists("availableAt"), Filters.eq("availableAt", someDue),
                    Filters.in("availableAt", severalDue),
                    Filters.and(Filters.exists("outbox.raisedAt"), Filters.or(Filters.exists("claimedUntil", false),
                            Filters.lte("claimedUntil", at(0)))),
                    // an array's least value lies before the range while another of its values meets it
                    Filters.gte("outbox.raisedAt", at(-10_000)), Filters.lte("outbox.raisedAt", at(10_000)),
                    Filters.and(Filters.gt("outbox.raisedAt", at(-10_000)), Filters.lt("outbox.raisedAt", at(10_000))),
                    Filters.in("outbox.raisedAt", severalRaised),
                    Filters.and(Filters.eq("status", "SENT"), Filters.exists("outbox.raisedAt"))));
        }
    }

    @Test
    void documentsHoldingANullWhereTheOthersHoldValuesAreFoundAndSortedAsMongoDbWould() {
        try (Stores stores = new Stores(dir.resolve("nulls.mv"))) {
            MongoCollection<Document> expected = stores.expected;
            MongoCollection<Document> indexed = stores.indexed;
            indexed.createIndex(Indexes.ascending("availableAt"), new IndexOptions().sparse(true).name("due"));
            indexed.createIndex(Indexes.ascending("outbox.raisedAt"), new IndexOptions().sparse(true).name("oldest"));
            List<Document> documents = new ArrayList<>(randomDocuments(new Random(11), 60));
            // {$exists: true} meets a null and an empty array; an ascending sort puts a null among values first
            documents.add(new Document("_id", "due-null").append("availableAt", null));
            documents.add(new Document("_id", "due-empty").append("availableAt", List.of()));
            expected.insertMany(documents);
            indexed.insertMany(documents);

            assertThat(ids(indexed, Filters.exists("availableAt"), Sorts.ascending("_id"), 0, 0))
                    .isEqualTo(ids(expected, Filters.exists("availableAt"), Sorts.ascending("_id"), 0, 0))
                    .contains("due-null", "due-empty");
            assertSameFirstOnes(indexed, expected, List.of(Filters.exists("availableAt"),
                    Filters.lte("availableAt", at(0))));
            // one at a time: two documents whose least value is null tie, and MongoDB leaves their order open; an
            // array in an array has no value the wire server sorts by, so it comes first too
            for (Document nullAmongValues : List.of(new Document("_id", "event-undated").append("outbox", List.of(
                    new Document("eventId", "u-1").append("raisedAt", at(50_000)), new Document("eventId", "u-2"))),
                    new Document("_id", "event-null").append("outbox", List.of(
                            new Document("eventId", "n-1").append("raisedAt", at(40_000)),
                            new Document("eventId", "n-2").append("raisedAt", null))),
                    new Document("_id", "events-nested").append("outbox", List.of(List.of(
                            new Document("eventId", "x-1").append("raisedAt", at(45_000))))))) {
                expected.insertOne(nullAmongValues);
                indexed.insertOne(nullAmongValues);
                assertThat(ids(indexed, Filters.exists("outbox.raisedAt"), Sorts.ascending("outbox.raisedAt"), 0, 1))
                        .containsExactly(nullAmongValues.getString("_id"));
                assertSameFirstOnes(indexed, expected, List.of(Filters.exists("outbox.raisedAt"),
                        Filters.lte("outbox.raisedAt", at(60_000))));
                expected.deleteOne(Filters.eq("_id", nullAmongValues.getString("_id")));
                indexed.deleteOne(Filters.eq("_id", nullAmongValues.getString("_id")));
            }

            // taken out again, the documents holding nulls no longer hold the walk back
            indexed.deleteMany(Filters.in("_id", "due-null", "due-empty"));
            expected.deleteMany(Filters.in("_id", "due-null", "due-empty"));
            var collection = stores.indexedCollection();
            long before = collection.documentsRead();
            assertSameFirstOnes(indexed, expected, List.of(Filters.exists("outbox.raisedAt")));
            assertThat(collection.documentsRead() - before).as("documents read by eight walks").isLessThan(30);
        }
    }

    @Test
    void claimingTheOldestOfAThousandWaitingDocumentsReadsAFewOfThemNotAll() {
        try (Stores stores = new Stores(dir.resolve("claims.mv"))) {
            MongoCollection<Document> audits = stores.indexed;
            audits.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true).name("pending"));
            audits.createIndex(Indexes.ascending("outbox.raisedAt"), new IndexOptions().sparse(true).name("oldest"));
            List<Document> waiting = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                waiting.add(new Document("_id", "audit-" + i).append("outbox", List.of(new Document("eventId", "e-" + i)
                        .append("raisedAt", at(-i)))));
            }
            Collections.shuffle(waiting, new Random(3));
            audits.insertMany(waiting);
            var collection = stores.indexedCollection();

            List<String> claimed = new ArrayList<>();
            long before = collection.documentsRead();
            for (int i = 0; i < 3; i++) {
                Document next = audits.findOneAndUpdate(Filters.and(Filters.exists("outbox.eventId"),
                        Filters.exists("outbox.raisedAt"), Filters.exists("claimedUntil", false)),
                        Updates.set("claimedUntil", at(120)), new FindOneAndUpdateOptions().sort(Sorts.ascending(
                                "outbox.raisedAt")).returnDocument(ReturnDocument.AFTER));
                claimed.add(next.getString("_id"));
            }
            long read = collection.documentsRead() - before;

            assertThat(claimed).as("the three that waited longest, in turn")
                    .containsExactly("audit-999", "audit-998", "audit-997");
            // each claim reads the ones already claimed, then the one it takes (the update reads it again)
            assertThat(read).as("documents read by three claims of 1,000 waiting").isLessThanOrEqualTo(12);
        }
    }

    /**
     * The embedded store, indexed, beside the plain in-memory wire server, which scans: one collection in each, that
     * the stories fill alike and ask alike.
     */
    private static final class Stores implements AutoCloseable {
        private final MongoServer scanning = new MongoServer(new MemoryBackend());
        private final DurableH2Backend backend;
        private final MongoServer server;
        private final MongoClient scanClient;
        private final MongoClient client;
        final MongoCollection<Document> expected;
        final MongoCollection<Document> indexed;

        Stores(Path file) {
            backend = new DurableH2Backend(file.toString());
            server = new MongoServer(backend);
            scanClient = MongoClients.create("mongodb://127.0.0.1:" + scanning.bind().getPort());
            client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
            expected = scanClient.getDatabase("caseqa-test").getCollection("work");
            indexed = client.getDatabase("caseqa-test").getCollection("work");
        }

        /** The store's side of the collection, which counts the documents its queries read. */
        IndexedH2Database.IndexedH2Collection indexedCollection() {
            return (IndexedH2Database.IndexedH2Collection) backend.resolveDatabase("caseqa-test")
                    .resolveCollection("work", true);
        }

        @Override
        public void close() {
            client.close();
            scanClient.close();
            server.shutdownNow();
            backend.close();
            scanning.shutdownNow();
        }
    }

    /** For each query and sort on its field, either way, the first one and three, and two after: the scan's. */
    private static void assertSameFirstOnes(MongoCollection<Document> indexed, MongoCollection<Document> expected,
            List<Bson> queries) {
        for (Bson query : queries) {
            for (Bson order : List.of(Sorts.ascending(fieldOf(query)), Sorts.descending(fieldOf(query)))) {
                assertThat(ids(expected, query, order, 0, 1)).as(query + " finds something").isNotEmpty();
                for (int limit : new int[] {1, 3}) {
                    for (int skip : new int[] {0, 2}) {
                        assertThat(ids(indexed, query, order, skip, limit))
                                .as(query + " " + order + " skip " + skip + " limit " + limit)
                                .isEqualTo(ids(expected, query, order, skip, limit));
                    }
                }
            }
        }
    }

    private static String fieldOf(Bson query) {
        return query.toBsonDocument().toJson().contains("availableAt") ? "availableAt" : "outbox.raisedAt";
    }

    /**
     * Every time distinct, so that no two documents tie on a sort key (MongoDB leaves their order open). Emails have
     * one due time; outboxes hold one to three events, spread widely so that an array straddles a range's bound.
     */
    private static List<Document> randomDocuments(Random random, int count) {
        List<Integer> seconds = new ArrayList<>();
        for (int s = -60_000; s < 60_000; s += 7) {
            seconds.add(s);
        }
        Collections.shuffle(seconds, random);
        int next = 0;
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document document = new Document("_id", "doc-" + i)
                    .append("status", List.of("PENDING", "SENT").get(random.nextInt(2)));
            if (random.nextInt(4) > 0) {
                document.append("availableAt", at(seconds.get(next++)));
            }
            List<Document> outbox = new ArrayList<>();
            for (int e = random.nextInt(4); e > 0; e--) {
                outbox.add(new Document("eventId", "doc-" + i + "-e" + e).append("raisedAt", at(seconds.get(next++))));
            }
            if (random.nextInt(5) == 0) {
                document.append("claimedUntil", at(random.nextBoolean() ? -60 : 60));
            }
            documents.add(document.append("outbox", outbox));
        }
        return documents;
    }

    private static Date at(int secondsFromNow) {
        return Date.from(NOW.plusSeconds(secondsFromNow));
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson query, Bson order, int skip, int limit) {
        return collection.find(query).sort(order).skip(skip).limit(limit).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }
}
