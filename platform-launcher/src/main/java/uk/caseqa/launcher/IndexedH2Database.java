package uk.caseqa.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded store that answers queries the way MongoDB would use its indexes, rather than by reading
 * every document of the collection (which the wire server does for any query but {@code {_id: x}}):
 * <ul>
 *   <li>a query naming one {@code _id} (or an {@code $in} of ids) beside other conditions (every version-checked
 *   update, every claim of one document) reads those documents only;</li>
 *   <li>the single-field secondary indexes the services declare (a deadline's {@code nextDueAt}, an outbox's
 *   {@code outbox.eventId}, an email's {@code availableAt}) are kept in memory ({@link InMemorySecondaryIndex}),
 *   rebuilt from the documents when the store opens, and used for equality, {@code $in}, ranges and
 *   {@code $exists: true}, alone or in a top-level {@code $and}. A compound index is kept on its first field.</li>
 * </ul>
 * Either way the documents found are still matched against the whole query, so the answer is the scan's answer.
 */
final class IndexedH2Database extends H2Database {

    /** The names {@link H2Database} gives a collection's maps in the store file (its own constants are private). */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";
    /**
     * The store, for the collections the superclass's constructor opens before this class's fields are set (its own
     * field is private).
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    private final MVStore store;

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, opening(store), cursors);
        OPENING.remove();
        this.store = store;
    }

    private static MVStore opening(MVStore store) {
        OPENING.set(store);
        return store;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = this.store != null ? this.store : OPENING.get();
        String fullName = getFullCollectionNamespace(collectionName);
        org.h2.mvstore.MVMap<Object, Document> data = store.openMap(DATA_PREFIX + fullName,
                new org.h2.mvstore.MVMap.Builder<Object, Document>().valueType(new StoredDocumentType()));
        return new IndexedH2Collection(this, collectionName, options, data, store.openMap(META_PREFIX + fullName),
                cursorRegistry, store);
    }

    /**
     * A unique index whose usual keys (one short identifier) are compared and stored without serialisation: its map is
     * opened here with {@link StoredIndexKeyType}, and the superclass's opening of the same name finds it open.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore store = this.store != null ? this.store : OPENING.get();
        store.openMap(getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                new org.h2.mvstore.MVMap.Builder<Object, Object>().keyType(new StoredIndexKeyType()));
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return keys.size() == 1 ? new InMemorySecondaryIndex(indexName, keys, sparse)
                : new CompoundInMemoryIndex(indexName, keys, sparse);
    }

    /**
     * A collection that reads one document for a query naming one {@code _id}, whatever else the query says; and
     * whose queries hold the store's version they read while they read it. The embedded store frees a chunk no longer
     * used at once (retention 0, so that its file stays small), and a scan walking the map while a compaction freed
     * the chunk under it failed with "Chunk ... not found" (seen under the platform benchmark's load): a version in use
     * is never freed.
     */
    static final class IndexedH2Collection extends H2Collection {

        private static final java.util.Set<String> SCANNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private static final java.util.Set<String> SLOW = java.util.concurrent.ConcurrentHashMap.newKeySet();
        static final int SLOW_MILLIS = 500;
        private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);
        private final MVStore store;
        /**
         * How many documents queries have read by position (from an index, or by id): what a query costs, which the
         * tests read to tell a walk of an index from a read of every candidate.
         */
        private final java.util.concurrent.atomic.LongAdder read = new java.util.concurrent.atomic.LongAdder();

        IndexedH2Collection(IndexedH2Database database, String name, CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                CursorRegistry cursors, MVStore store) {
            super(database, name, options, data, meta, cursors);
            this.store = store;
        }

        @Override
        protected Document getDocument(Object position) {
            read.increment();
            return super.getDocument(position);
        }

        long documentsRead() {
            return read.sum();
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            MVStore.TxCounter reading = store.registerVersionUsage();
            long started = System.nanoTime();
            try {
                QueryResult found = answer(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                noteIfSlow(query, started);
                if (!UPDATING.get()) {
                    return found;
                }
                List<Document> copies = new java.util.ArrayList<>();
                found.forEach(document -> copies.add(document.cloneDeeply()));
                return new QueryResult(copies, found.getCursorId());
            } finally {
                store.deregisterVersionUsage(reading);
            }
        }

        /**
         * Names a query shape the first time one takes {@value #SLOW_MILLIS} ms or more: the collection is locked while
         * it reads, so every write to the collection waits for it.
         */
        private void noteIfSlow(Document query, long started) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis >= SLOW_MILLIS) {
                String shape = getFullName() + " " + shapeOf(query);
                if (SLOW.size() < 1_000 && SLOW.add(shape)) {
                    org.slf4j.LoggerFactory.getLogger(IndexedH2Database.class).warn(
                            "embedded store: a query took {} ms, the collection locked meanwhile: {} ({} now)", millis,
                            shape, count());
                }
            }
        }

        /**
         * An update changes copies of the documents it found, never the stored ones. The wire server changes the
         * document it found in place and stores that same object again; but the object is also in the page a commit
         * may be writing to the file at that moment, so the commit wrote a half-changed document (Java serialisation
         * did so silently) or failed (BSON's encoder noticed the change, and the store stopped: seen under the
         * platform benchmark's load with more worker threads). AStoredDocumentIsNeverChangedInPlaceTest.
         */
        @Override
        public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                boolean isMulti, boolean isUpsert, Oplog oplog) {
            return updatingCopies(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert,
                    oplog));
        }

        @Override
        public Document findAndModify(Document query) {
            return updatingCopies(() -> super.findAndModify(query));
        }

        private static Document updatingCopies(java.util.function.Supplier<Document> update) {
            boolean outer = !UPDATING.get();
            UPDATING.set(true);
            try {
                return update.get();
            } finally {
                if (outer) {
                    UPDATING.remove();
                }
            }
        }

        private QueryResult answer(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                Document fieldSelector) {
            Object id = "_id".equals(getIdField()) ? idIn(query) : null;
            if (id instanceof String || id instanceof ObjectId) {
                List<Object> positions = getDocument(id) == null ? List.of() : List.of(id);
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (id instanceof Document in && in.size() == 1 && in.get("$in") instanceof List<?> ids
                    && ids.stream().allMatch(i -> i instanceof String || i instanceof ObjectId)) {
                List<Object> positions = ids.stream().distinct().filter(i -> getDocument(i) != null)
                        .map(i -> (Object) i).toList();
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            de.bwaldvogel.mongo.backend.Index<Object> fewest = fewestFound(query);
            QueryResult ordered = fewest == null ? null
                    : inIndexOrder(query, fewest, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (ordered != null) {
                return ordered;
            }
            if (fewest != null) {
                return matchDocuments(query, fewest.getPositions(query), orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * A query sorted on one field that an in-memory index keeps, asking for a few documents (every claim of the
         * next document to work on: a find-and-modify with a sort, or a find with a limit), answered by walking that
         * index in order and reading documents until enough match; null when it cannot be. The wire server reads
         * every document found, matches and sorts them all, and returns the first: under the platform benchmark's 50
         * submissions a second, each claim of audit-service's outbox read and sorted hundreds of waiting audits, and
         * its events went out at about 20 a second whatever came in (docs/performance.md). The index must hold every
         * document the query can match (its field is in the query's conditions), and find no more than twice what the
         * narrowest index finds, or the walk could read more than the sort would (once the index has held an array, a
         * walk may read from the start of the index: InMemorySecondaryIndex#positionsInOrder).
         */
        private QueryResult inIndexOrder(Document query, Index<Object> fewest,
                Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            if (limit <= 0 || orderBy == null || orderBy.size() != 1 || !(fewest instanceof InMemoryIndex narrowest)) {
                return null;
            }
            Map.Entry<String, Object> by = orderBy.entrySet().iterator().next();
            if (!(by.getValue() instanceof Number direction) || Math.abs(direction.doubleValue()) != 1) {
                return null;
            }
            for (Index<Object> index : getIndexes()) {
                if (index instanceof InMemorySecondaryIndex sorted && sorted.field().equals(by.getKey())
                        && sorted.canHandle(query)) {
                    if (sorted != narrowest && sorted.estimate(query) > 2 * narrowest.estimate(query)) {
                        return null;
                    }
                    Stream<Object> positions = sorted.positionsInOrder(query, direction.doubleValue() < 0);
                    if (positions == null) {
                        return null;
                    }
                    Stream<Document> documents = positions.map(this::getDocument).filter(Objects::nonNull);
                    return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null,
                            fieldSelector);
                }
            }
            return null;
        }

        /**
         * Of the in-memory indexes that can answer the query, the one that finds the fewest documents; null when a
         * unique index answers it (exactly) or none can. The wire server takes the first index that can, in the order
         * they were made, so a query naming one record was answered by a council-wide index made before its own.
         */
        private de.bwaldvogel.mongo.backend.Index<Object> fewestFound(Document query) {
            de.bwaldvogel.mongo.backend.Index<Object> fewest = null;
            long found = Long.MAX_VALUE;
            for (de.bwaldvogel.mongo.backend.Index<Object> index : getIndexes()) {
                if (!index.canHandle(query)) {
                    continue;
                }
                if (!(index instanceof InMemoryIndex estimating)) {
                    return null;
                }
                long estimate = estimating.estimate(query);
                if (estimate < found) {
                    fewest = index;
                    found = estimate;
                }
            }
            return fewest;
        }

        /**
         * The wire server's scan of every document, for a query no index answers: named once per collection and
         * query shape (the fields asked for, not their values), so a query the indexes miss shows in the log.
         */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                int batchSize, Document fieldSelector) {
            String shape = getFullName() + " " + shapeOf(query);
            if (SCANNED.size() < 1_000 && SCANNED.add(shape)) {
                org.slf4j.LoggerFactory.getLogger(IndexedH2Database.class).info(
                        "embedded store: a query no index answers reads every document of {} ({} now)", shape,
                        count());
            }
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }

        /** The query's fields and operators, its values left out (they may be identifiers of people's cases). */
        static String shapeOf(Object query) {
            if (query instanceof Document document) {
                StringBuilder shape = new StringBuilder("{");
                document.forEach((key, value) -> shape.append(shape.length() > 1 ? ", " : "").append(key)
                        .append(value instanceof Document || value instanceof List<?> ? ": " + shapeOf(value) : ""));
                return shape.append('}').toString();
            }
            if (query instanceof List<?> list) {
                return list.stream().map(IndexedH2Collection::shapeOf).distinct().toList().toString();
            }
            return "";
        }

        /** The one {@code _id} a query names, beside other conditions or in a top-level {@code $and}; else null. */
        private static Object idIn(Document query) {
            if (query.size() > 1 && query.containsKey("_id")) {
                return query.get("_id");
            }
            if (query.get("$and") instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document document && document.containsKey("_id")) {
                        return document.get("_id");
                    }
                }
            }
            return null;
        }
    }
}
