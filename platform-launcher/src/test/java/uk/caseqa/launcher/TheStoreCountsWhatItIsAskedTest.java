package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform benchmark prints, per submission, what the embedded store was asked (by database, collection and
 * command) and how many commits it made: figures that, unlike processor time, do not vary between runs of the same
 * code, so they say what a change saves.
 */
class TheStoreCountsWhatItIsAskedTest {

    @TempDir
    Path dir;

    @Test
    void eachCommandIsCountedUnderItsCollectionAndEachWriteThatChangedSomethingIsACommit() {
        DurableH2Backend backend = new DurableH2Backend(dir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> audits = client.getDatabase("caseqa-audit").getCollection("audits");
            MongoCollection<Document> emails = client.getDatabase("caseqa-notification").getCollection("emails");
            audits.insertOne(new Document("_id", "a-1"));
            StoreActivity before = backend.activity();

            audits.insertMany(List.of(new Document("_id", "a-2"), new Document("_id", "a-3")));
            audits.updateOne(Filters.eq("_id", "a-2"), Updates.set("grade", "GOOD"));
            audits.updateOne(Filters.eq("_id", "nowhere"), Updates.set("grade", "GOOD"));
            audits.find(Filters.eq("_id", "a-3")).first();
            emails.insertOne(new Document("_id", "e-1"));
            emails.find().first();
            StoreActivity step = backend.activity().since(before);

            assertThat(step.commands()).containsEntry("caseqa-audit audits insert", 1L)
                    .containsEntry("caseqa-audit audits update", 2L)
                    .containsEntry("caseqa-audit audits find", 1L)
                    .containsEntry("caseqa-notification emails insert", 1L)
                    .containsEntry("caseqa-notification emails find", 1L)
                    .doesNotContainKey("caseqa-audit audits create"); // made before the step: not counted in it
            assertThat(step.commandCount()).isEqualTo(6);
            assertThat(step.writeCount()).isEqualTo(4);
            assertThat(step.commits()).as("the update that matched nothing changed nothing to commit").isEqualTo(3);
            assertThat(step.mostAsked(1)).containsExactly(java.util.Map.entry("caseqa-audit audits update", 2L));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
