package uk.caseqa.testsupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The in-memory wire server, answering every read with copies of the documents, taken under the collection's lock,
 * as MongoDB answers with a document as it stood at one moment. The plain {@link MemoryBackend} answers with the
 * stored objects themselves and changes them in place: a reply encoded while another connection updated the same
 * document could carry a field from before the update beside one from after (an old record with its new version),
 * and a version-checked write built on that read overwrote the other writer's change. Two replicas of a service
 * writing one document met this in a test once in a few runs.
 */
public final class CopyingMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new CopyingCollection(this, collectionName, options, cursorRegistry);
            }
        };
    }

    private static final class CopyingCollection extends MemoryCollection {

        /** A write is finding the documents it changes: those must be the stored ones, not copies. */
        private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

        CopyingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        /** The answer to a read (its first batch, and the rest a cursor hands out later), copied. */
        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            return super.createQueryResult(WRITING.get() ? matchedDocuments
                    : matchedDocuments.stream().map(Document::cloneDeeply).collect(Collectors.toList()), batchSize);
        }

        /** The document found and changed (or removed), copied. */
        @Override
        public synchronized Document findAndModify(Document query) {
            Document reply = writing(() -> super.findAndModify(query));
            return reply == null ? null : reply.cloneDeeply();
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document updateQuery,
                ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert, Oplog oplog) {
            return writing(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return writing(() -> super.deleteDocuments(selector, limit, oplog));
        }

        private static <T> T writing(Supplier<T> write) {
            boolean outer = !WRITING.get();
            WRITING.set(true);
            try {
                return write.get();
            } finally {
                if (outer) {
                    WRITING.remove();
                }
            }
        }
    }
}
