package uk.caseqa.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * A compound index of the embedded store: an in-memory index on each of its fields, of which a query is answered by
 * the one that finds the fewest documents. Kept on its first field alone, {@code (council, kind, recordId)} answered
 * a query naming one record with every document of the council: at 100,000 work items each email's "done" update
 * read them all from the store's file (docs/performance.md). What it finds is a superset of what the query matches,
 * as with {@link InMemorySecondaryIndex}: the collection still matches it against the whole query.
 */
final class CompoundInMemoryIndex extends InMemoryIndex {

    private final List<InMemorySecondaryIndex> fields;

    CompoundInMemoryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.fields = keys.stream().map(key -> new InMemorySecondaryIndex(name, List.of(key), sparse)).toList();
    }

    @Override
    public boolean canHandle(Document query) {
        return fields.stream().anyMatch(field -> field.canHandle(query));
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return fewest(query).getPositions(query);
    }

    @Override
    long estimate(Document query) {
        return fewest(query).estimate(query);
    }

    private InMemorySecondaryIndex fewest(Document query) {
        InMemorySecondaryIndex best = null;
        long fewest = Long.MAX_VALUE;
        for (InMemorySecondaryIndex field : fields) {
            if (field.canHandle(query)) {
                long found = field.estimate(query);
                if (found < fewest) {
                    best = field;
                    fewest = found;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no field of index " + getName() + " answers the query");
        }
        return best;
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        fields.forEach(field -> field.add(document, position, collection));
    }

    @Override
    public Object remove(Document document) {
        fields.forEach(field -> field.remove(document));
        return getPosition(document);
    }

    @Override
    public long getCount() {
        return fields.stream().mapToLong(InMemorySecondaryIndex::getCount).max().orElse(0);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        fields.forEach(field -> field.updateInPlace(oldDocument, newDocument, position, collection));
    }

    @Override
    public void drop() {
        fields.forEach(InMemorySecondaryIndex::drop);
    }
}
