package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded run's store on a long run: the H2 file is append-only (each committed write adds a chunk), so 20,000
 * upserts of the same 200 one-kilobyte documents (an outbox, a deadline scan) grew it to 415 MB;
 * compacted as it runs, it stays near the size of what it holds. Prints both.
 */
class TheStoreFileStaysBoundedOverALongRunTest {

    static final int DOCUMENTS = 200;
    static final int UPSERTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void twentyThousandUpsertsOfTwoHundredDocumentsLeaveAFileOfAFewMegabytes() throws Exception {
        Path file = dir.resolve("mongo.mv");
        DurableH2Backend backend = new DurableH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        long largest = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> audits = client.getDatabase("caseqa-test").getCollection("audits");
            String padding = "x".repeat(1000);
            for (int i = 0; i < UPSERTS; i++) {
                int id = i % DOCUMENTS;
                audits.replaceOne(Filters.eq("_id", "audit-" + id), new Document("_id", "audit-" + id)
                        .append("version", i).append("notes", padding), new ReplaceOptions().upsert(true));
                if (i % 1000 == 999) {
                    largest = Math.max(largest, Files.size(file));
                }
            }
            assertThat(audits.countDocuments()).isEqualTo(DOCUMENTS);
        } finally {
            server.shutdownNow();
            backend.close();
        }
        long atClose = Files.size(file);
        System.out.printf("store file: %d upserts of %d documents (%d kB held): largest %.1f MB, at close %.1f MB%n",
                UPSERTS, DOCUMENTS, DOCUMENTS, largest / 1e6, atClose / 1e6);
        assertThat(largest).as("bytes at the largest").isLessThan(16_000_000L);
    }
}
