package uk.caseqa.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * A non-unique index of the embedded store kept in memory (rebuilt from the documents each time the store opens),
 * by document id; it tells how many documents it would find for a query without finding them, so a query is
 * answered by the index that finds the fewest ({@link IndexedH2Database}).
 */
abstract class InMemoryIndex extends Index<Object> {

    InMemoryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /** For a query the index can handle: at least as many as it finds (a document found by two values counts twice). */
    abstract long estimate(Document query);

    @Override
    public Object getPosition(Document document) {
        return document.get("_id");
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: any change may be made
    }

    @Override
    public long getDataSize() {
        return 0;
    }
}
