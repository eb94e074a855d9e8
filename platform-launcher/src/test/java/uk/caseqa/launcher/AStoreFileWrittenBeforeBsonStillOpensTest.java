package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store writes documents as BSON and its unique indexes' keys without Java serialisation
 * ({@link StoredDocumentType}, {@link StoredIndexKeyType}); a store file written before, by the wire server's own H2
 * backend, still opens: its documents read, its indexes find them, and they can be changed and added to.
 */
class AStoreFileWrittenBeforeBsonStillOpensTest {

    @TempDir
    Path dir;

    @Test
    void documentsAndIndexesWrittenBeforeAreFoundChangedAndAddedToAfterAReopen() {
        Path file = dir.resolve("mongo.mv");
        List<Document> before = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            before.add(everyKind("audit-" + i, i));
        }
        with(new H2Backend(file.toString()), database -> {
            database.getCollection("audits").createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            database.getCollection("audits").insertMany(before);
        });

        with(new DurableH2Backend(file.toString()), database -> {
            MongoCollection<Document> audits = database.getCollection("audits");
            assertThat(audits.find(Filters.eq("_id", "audit-7")).first()).isEqualTo(before.get(7));
            assertThat(audits.find(Filters.eq("eventId", "event-8")).first()).isEqualTo(before.get(8));
            assertThat(audits.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(before);
            audits.updateOne(Filters.eq("_id", "audit-7"), Updates.set("status", "CLOSED"));
            audits.insertOne(everyKind("audit-new", 1000));
            assertThat(audits.find(Filters.eq("_id", "audit-7")).first().getString("status")).isEqualTo("CLOSED");
        });

        with(new DurableH2Backend(file.toString()), database -> {
            MongoCollection<Document> audits = database.getCollection("audits");
            assertThat(audits.countDocuments()).isEqualTo(301);
            for (int i = 0; i < 300; i += 13) {
                assertThat(audits.find(Filters.eq("_id", "audit-" + i)).first()).as("audit-" + i).isNotNull();
                assertThat(audits.find(Filters.eq("eventId", "event-" + i)).first()).isNotNull();
            }
            assertThat(audits.find(Filters.eq("_id", "audit-new")).first()).isEqualTo(everyKind("audit-new", 1000));
            assertThat(audits.find(Filters.eq("_id", "audit-7")).first().getString("status")).isEqualTo("CLOSED");
        });
    }

    @Test
    void aNewStoreKeepsItsDocumentsAsBsonAndTheirKindsSurviveAReopen() {
        Path file = dir.resolve("mongo.mv");
        Document written = everyKind("audit-1", 1);
        DurableH2Backend backend = new DurableH2Backend(file.toString());
        with(backend, database -> {
            database.getCollection("audits").insertOne(written);
            MVStore store = backend.getMvStore();
            assertThat(store.openMap("databases.caseqa-test.audits").getValueType())
                    .isInstanceOf(StoredDocumentType.class);
            assertThat(store.openMap("caseqa-test.audits._index__id_").getKeyType())
                    .isInstanceOf(StoredIndexKeyType.class);
        });
        with(new DurableH2Backend(file.toString()), database ->
                assertThat(database.getCollection("audits").find().first()).isEqualTo(written));
    }

    private static Document everyKind(String id, int i) {
        return new Document("_id", id).append("eventId", "event-" + i).append("version", (long) i)
                .append("count", i).append("share", i / 3.0).append("open", i % 2 == 0)
                .append("dueAt", Date.from(Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i)))
                .append("nothing", null).append("grade", i % 4 == 0 ? "INADEQUATE" : "GOOD")
                .append("oid", new ObjectId(String.format("%024x", i))).append("uuid", UUID.nameUUIDFromBytes(id.getBytes()))
                .append("bytes", new Binary(new byte[] {1, 2, (byte) i})).append("money", Decimal128.parse("1.50"))
                .append("outbox", List.of(new Document("eventId", "e-" + i).append("type", "AuditSubmitted"),
                        new Document("eventId", "f-" + i).append("payload", new Document("nested", List.of(1, "a")))))
                .append("names", List.of("Sam Worker (staff)", "Team Manager"));
    }

    private static void with(MongoBackend backend, Consumer<MongoDatabase> use) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort()
                + "/?uuidRepresentation=standard")) {
            use.accept(client.getDatabase("caseqa-test"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
