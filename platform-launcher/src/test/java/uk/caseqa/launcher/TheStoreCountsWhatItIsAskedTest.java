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
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform benchmark prints, per submission, what the embedded store was asked (by database, collection and
 * command) and how many commits it made: the commands, unlike processor time, are steady between runs of the same
 * code, so they show what a change saves.
 */
class TheStoreCountsWhatItIsAskedTest {

    @TempDir
    Path dir;

    @Test
    void eachCommandIsCountedUnderItsCollectionAndEachWriteThatChangedSomethingIsACommit() {
        DurableH2Backend backend = new DurableH2Backend(dir.resolve("mongo.mv").toString());
        backend.compactor.shutdownNow(); // its commits would be counted too, whenever it ran
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> audits = client.getDatabase("caseqa-audit").getCollection("audits");
            MongoCollection<Document> emails = client.getDatabase("caseqa-notification").getCollection("emails");
            audits.insertOne(new Document("_id", "a-1"));
            StoreActivity before = backend.activity();

            audits.insertMany(List.of(new Document("_id", "a-2"), new Document("_id", "a-3")));
            audits.updateOne(Filters.eq("_id", "a-2"), Updates.set("grade", "GOOD"));
            audits.updateOne(Filters.eq("_id", "nowhere"), Updates.set("grade", "GOOD"));
            audits.findOneAndUpdate(Filters.eq("_id", "nowhere"), Updates.set("claimed", true));
            List<Document> all = audits.find().batchSize(2).into(new java.util.ArrayList<>()); // find, then getMore
            emails.insertOne(new Document("_id", "e-1"));
            long emailCount = emails.countDocuments();
            StoreActivity step = backend.activity().since(before);

            assertThat(all).hasSize(3);
            assertThat(emailCount).isEqualTo(1);
            Map<String, Long> ours = step.commands().entrySet().stream().filter(e -> e.getKey().startsWith("caseqa-"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(ours).as("the driver's own commands (hello, endSessions) are not ours")
                    .containsOnly(Map.entry("caseqa-audit audits insert", 1L),
                            Map.entry("caseqa-audit audits update", 2L),
                            Map.entry("caseqa-audit audits findandmodify", 1L),
                            Map.entry("caseqa-audit audits find", 1L),
                            Map.entry("caseqa-audit audits getmore", 1L),
                            Map.entry("caseqa-notification emails insert", 1L),
                            Map.entry("caseqa-notification emails aggregate", 1L));
            assertThat(step.writeCount()).isEqualTo(5);
            assertThat(step.commits()).as("the update and the claim that matched nothing changed nothing to commit")
                    .isEqualTo(3);
            assertThat(step.mostAsked(1)).containsExactly(Map.entry("caseqa-audit audits update", 2L));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
