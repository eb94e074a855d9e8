package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document the store holds is never changed where it lies: an update, a replacement and a find-and-modify each
 * store a changed copy. The object a commit in flight is writing to the file stays as it was (the wire server's own
 * update changed it in place, so a commit could write it half-changed, or fail and stop the store).
 */
class AStoredDocumentIsNeverChangedInPlaceTest {

    @TempDir
    Path dir;

    @Test
    void anUpdateAReplacementAndAFindAndModifyLeaveTheStoredObjectAsItWas() {
        DurableH2Backend backend = new DurableH2Backend(dir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> audits = client.getDatabase("caseqa-test").getCollection("audits");
            audits.insertOne(new Document("_id", "audit-1").append("version", 0L).append("status", "ALLOCATED")
                    .append("outbox", List.of(new Document("eventId", "e-1"))));
            var stored = backend.getMvStore().openMap("databases.caseqa-test.audits");
            Object held = stored.get("audit-1");
            String asItWas = held.toString();

            audits.updateOne(Filters.eq("_id", "audit-1"), Updates.combine(Updates.set("status", "SUBMITTED"),
                    Updates.inc("version", 1L), Updates.unset("outbox")));
            assertThat(held.toString()).as("after an update").isEqualTo(asItWas);
            Object updated = stored.get("audit-1");
            assertThat(updated.toString()).contains("SUBMITTED").doesNotContain("e-1");

            audits.findOneAndUpdate(Filters.eq("_id", "audit-1"), Updates.set("status", "MODERATED"));
            assertThat(updated.toString()).as("after a find-and-modify").contains("SUBMITTED");

            Object moderated = stored.get("audit-1");
            audits.replaceOne(Filters.eq("_id", "audit-1"), new Document("_id", "audit-1").append("status", "CLOSED"),
                    new ReplaceOptions().upsert(true));
            assertThat(moderated.toString()).as("after a replacement").contains("MODERATED");
            assertThat(audits.find(Filters.eq("_id", "audit-1")).first().getString("status")).isEqualTo("CLOSED");
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
