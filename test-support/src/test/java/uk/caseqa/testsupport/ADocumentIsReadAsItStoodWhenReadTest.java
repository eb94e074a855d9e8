package uk.caseqa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The tests' wire server answers with a document as it stood when it was read: a write that comes after the read
 * (another replica's, while the answer is still being sent) does not reach into the answer, as it cannot on MongoDB.
 */
class ADocumentIsReadAsItStoodWhenReadTest {

    private final MongoCollection<?> records = new CopyingMemoryBackend().openOrCreateDatabase("test")
            .createCollectionOrThrowIfExists("records");

    @Test
    void aFoundRecordKeepsItsVersionAndContentWhenAnotherWriterChangesItAfterwards() {
        records.addDocument(new Document("_id", "audit-1").append("record", "agreed").append("version", 1L));

        Document read = records.handleQuery(new Document("_id", "audit-1")).iterator().next();
        set("audit-1", new Document("record", "agreed, then closed not done").append("version", 2L));

        assertThat(read).containsEntry("record", "agreed").containsEntry("version", 1L);
        assertThat(records.handleQuery(new Document("_id", "audit-1")).iterator().next())
                .containsEntry("record", "agreed, then closed not done").containsEntry("version", 2L);
    }

    @Test
    void aClaimedDocumentIsTheClaimAsTakenNotAsLaterRenewed() {
        records.addDocument(new Document("_id", "council-1"));

        Document claimed = (Document) records.findAndModify(new Document("query", new Document("_id", "council-1"))
                .append("update", new Document("$set", new Document("countingToken", "mine")))
                .append("new", true)).get("value");
        set("council-1", new Document("countingToken", "another replica's"));

        assertThat(claimed).containsEntry("countingToken", "mine");
    }

    @Test
    void whatTheReaderDoesWithItsAnswerNeverReachesTheStore() {
        records.addDocument(new Document("_id", "audit-2").append("version", 1L));

        records.handleQuery(new Document("_id", "audit-2")).iterator().next().put("version", 99L);

        assertThat(records.handleQuery(new Document("_id", "audit-2")).iterator().next())
                .containsEntry("version", 1L);
    }

    private void set(String id, Document fields) {
        records.findAndModify(new Document("query", new Document("_id", id))
                .append("update", new Document("$set", fields)));
    }
}
