package uk.caseqa.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A single-field secondary index of the embedded store, kept in memory (rebuilt from the documents each time the
 * store opens): value to the positions (ids) of the documents holding it. An array's elements are each indexed, as
 * MongoDB's multikey indexes do; a document without the field is not indexed, so only conditions that a missing field
 * never meets are answered from it (equality with a value, {@code $in} of values, ranges, {@code $exists: true});
 * any other query is left to the collection's scan. What it finds is a superset that the collection still matches
 * against the whole query.
 */
final class InMemorySecondaryIndex extends InMemoryIndex {


    private static final Set<String> RANGES = Set.of("$gt", "$gte", "$lt", "$lte");
    private final String field;
    private final NavigableMap<Object, Set<Object>> positionsByValue = new TreeMap<>(
            ValueComparator.ascWithoutListHandling());
    /**
     * Each indexed document's value at the field, or an {@code Object[]} of an array's values, as the instances that
     * key {@link #positionsByValue}: a value held by many documents is held once, not once per document (at 100,000
     * stored, a list and a copy of the council's name per document and index were a quarter of the heap).
     */
    private final Map<Object, Object> valuesByPosition = new HashMap<>();

    InMemorySecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    /** The values a document holds at the field's path: none when it is missing or null; each element of an array. */
    static List<Object> valuesOf(Document document, String path) {
        List<Object> values = new ArrayList<>();
        collect(document, path.split("\\."), 0, values);
        return values;
    }

    private static void collect(Object value, String[] path, int at, List<Object> into) {
        if (value == null || value instanceof de.bwaldvogel.mongo.backend.Missing) {
            return;
        }
        if (at == path.length) {
            if (value instanceof Collection<?> elements) {
                elements.stream().filter(e -> e != null).forEach(into::add);
            } else {
                into.add(value);
            }
            return;
        }
        if (value instanceof Document document) {
            collect(document.get(path[at]), path, at + 1, into);
        } else if (value instanceof List<?> list) {
            if (path[at].chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(path[at]);
                if (index < list.size()) {
                    collect(list.get(index), path, at + 1, into);
                }
            } else {
                list.forEach(element -> collect(element, path, at, into));
            }
        }
    }

    /** The condition on this index's field, at the top of the query or in a top-level {@code $and}; null if none. */
    private Object conditionIn(Document query) {
        if (query.containsKey(field)) {
            return query.get(field);
        }
        if (query.get("$and") instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Document document && document.containsKey(field)) {
                    return document.get(field);
                }
            }
        }
        return null;
    }

    /** Whether a missing field can never meet the condition, so that the index holds every document meeting it. */
    private static boolean answerable(Object condition) {
        if (condition == null || condition instanceof List<?>) {
            return false;
        }
        if (!(condition instanceof Document operators)) {
            return !(condition instanceof java.util.regex.Pattern);
        }
        if (operators.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            String name = operator.getKey();
            Object value = operator.getValue();
            boolean ok = RANGES.contains(name) && value != null && !(value instanceof Document)
                    || name.equals("$exists") && Boolean.TRUE.equals(value)
                    || name.equals("$in") && value instanceof Collection<?> in && !in.isEmpty()
                            && in.stream().allMatch(v -> v != null && !(v instanceof Document));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return answerable(conditionIn(query));
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Set<Object> positions = new LinkedHashSet<>();
        matching(conditionIn(query)).forEach(positions::addAll);
        return positions;
    }

    @Override
    synchronized long estimate(Document query) {
        long found = 0;
        for (Set<Object> positions : matching(conditionIn(query))) {
            found += positions.size();
        }
        return found;
    }

    /** The documents' positions for each value that meets the condition. */
    private Collection<Set<Object>> matching(Object condition) {
        if (!(condition instanceof Document operators)) {
            return List.of(positionsByValue.getOrDefault(condition, Set.of()));
        }
        if (operators.get("$in") instanceof Collection<?> in) {
            return in.stream().distinct().map(value -> positionsByValue.getOrDefault(value, Set.<Object>of()))
                    .toList();
        }
        NavigableMap<Object, Set<Object>> range = positionsByValue;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object value = operator.getValue();
            range = switch (operator.getKey()) {
                case "$gt" -> range.tailMap(value, false);
                case "$gte" -> range.tailMap(value, true);
                case "$lt" -> range.headMap(value, false);
                case "$lte" -> range.headMap(value, true);
                default -> range; // $exists: true, every indexed document
            };
        }
        return range.values();
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        List<Object> values = valuesOf(document, field);
        if (values.isEmpty()) {
            return;
        }
        Object[] held = new Object[values.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = indexed(values.get(i), position);
        }
        valuesByPosition.put(position, held.length == 1 ? held[0] : held);
    }

    /** Adds the position under the value; returns the instance the index holds the value by. */
    private Object indexed(Object value, Object position) {
        Map.Entry<Object, Set<Object>> nearest = positionsByValue.ceilingEntry(value);
        if (nearest != null && positionsByValue.comparator().compare(nearest.getKey(), value) == 0) {
            nearest.getValue().add(position);
            return nearest.getKey();
        }
        Set<Object> positions = new LinkedHashSet<>();
        positions.add(position);
        positionsByValue.put(value, positions);
        return value;
    }

    /** The values the index holds for a document's position (the instances it keys them by); none if not indexed. */
    synchronized List<Object> heldFor(Object position) {
        Object held = valuesByPosition.get(position);
        return held == null ? List.of() : held instanceof Object[] values ? List.of(values) : List.of(held);
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = getPosition(document);
        Object held = valuesByPosition.remove(position);
        if (held != null) {
            for (Object value : held instanceof Object[] values ? values : new Object[] {held}) {
                Set<Object> positions = positionsByValue.get(value);
                if (positions != null) {
                    positions.remove(position);
                    if (positions.isEmpty()) {
                        positionsByValue.remove(value);
                    }
                }
            }
        }
        return position;
    }

    @Override
    public synchronized long getCount() {
        return valuesByPosition.size();
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        valuesByPosition.clear();
    }
}
