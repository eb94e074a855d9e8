package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer's received-event record asks not to wait for the journal ({@code j: false}), as MongoDB would acknowledge
 * it before it is on disk: the embedded store then leaves it to the next commit, which the change the record guards
 * makes straight after. The record costs no commit of its own, and is on disk with that change.
 */
class AWriteThatDoesNotWaitForTheJournalIsCommittedWithTheNextTest {

    @TempDir
    Path dir;

    @Test
    void theRecordIsReadAtOnceAndOnDiskWithTheChangeAfterIt() throws Exception {
        String file = dir.resolve("mongo.mv").toString();
        Path killedThere = dir.resolve("as-a-killed-run-left-it.mv");
        DurableH2Backend backend = new DurableH2Backend(file);
        backend.compactor.shutdownNow(); // its commits would be counted too, whenever it ran
        backend.getMvStore().setAutoCommitDelay(0); // nor H2's own writer, a second after a write nobody committed
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            var database = client.getDatabase("caseqa-concern");
            MongoCollection<Document> received = database.getCollection("receivedEvents")
                    .withWriteConcern(WriteConcern.W1.withJournal(false));
            MongoCollection<Document> concerns = database.getCollection("casesOfConcern");
            concerns.insertOne(new Document("_id", "first"));
            StoreActivity before = backend.activity();

            received.insertOne(new Document("_id", "evt-1"));
            StoreActivity recorded = backend.activity().since(before);
            long readAtOnce = received.countDocuments(new Document("_id", "evt-1"));
            concerns.insertOne(new Document("_id", "coc-1").append("openedBy", "evt-1"));
            StoreActivity changed = backend.activity().since(before);
            java.nio.file.Files.copy(Path.of(file), killedThere); // the file as it is, not closed

            assertThat(readAtOnce).as("acknowledged, so read by the next query").isEqualTo(1);
            assertThat(recorded.writeCount()).isEqualTo(1);
            assertThat(recorded.commits()).as("the record waits for the next commit").isZero();
            assertThat(changed.commits()).as("the change commits both").isEqualTo(1);
        } finally {
            server.shutdownNow();
            backend.close();
        }

        DurableH2Backend reopened = new DurableH2Backend(killedThere.toString());
        MongoServer again = new MongoServer(reopened);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + again.bind().getPort())) {
            var database = client.getDatabase("caseqa-concern");
            assertThat(database.getCollection("receivedEvents").find().into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactly("evt-1");
            assertThat(database.getCollection("casesOfConcern").find().into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactlyInAnyOrder("first", "coc-1");
        } finally {
            again.shutdownNow();
            reopened.close();
        }
    }
}
