package uk.caseqa.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

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
    /**
     * The documents indexed under each value: one position alone (most values, an event's or a record's id, name one
     * document), or the {@link Positions} of several. A value shared by many documents is held once, as the instance
     * first indexed. At 100,000 stored, a one-element set per such value and a map from each document back to its
     * values were about 60 MB of the embedded run's heap (docs/performance.md): a document's values are read from the
     * document itself when it is removed, which the wire server passes as it was stored (an update passes a copy
     * taken before it).
     */
    private final NavigableMap<Object, Object> positionsByValue = new TreeMap<>(
            ValueComparator.ascWithoutListHandling());
    /** How many documents are indexed (hold the field). */
    private long count;
    /**
     * Whether any document has held more than one value (an array), as MongoDB keeps it for its multikey indexes:
     * until then, a document is found in the index at its only value, which is also its sort key.
     */
    private boolean multikey;
    /**
     * The documents that hold a null at the path and no value: {@code $exists: true} meets them, the index lacks them.
     * Few or none (the services write no nulls), so kept by position: a removal is exact whatever was added.
     */
    private final Set<Object> nullOnly = new HashSet<>();
    /** Indexed documents that also hold a null at the path, which MongoDB's ascending sort puts first. */
    private final Set<Object> nullFirst = new HashSet<>();
    /** Documents with an array in an array at the path, whose sort order no walk of the index gives. */
    private final Set<Object> nested = new HashSet<>();
    /** Whether the path names an array's element by position, which the wire server's sort reads as missing. */
    private final boolean positional;

    /** The positions of two or more documents with the same value, in the order they were indexed. */
    private static final class Positions extends LinkedHashSet<Object> {
    }

    InMemorySecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.positional = java.util.Arrays.stream(field.split("\\.")).anyMatch(
                part -> part.chars().allMatch(Character::isDigit));
    }

    /** The values a document holds at the field's path: none when it is missing or null; each element of an array. */
    static List<Object> valuesOf(Document document, String path) {
        return held(document, path).values();
    }

    /**
     * What a document holds at the field's path: its values (each element of an array), whether it holds a null
     * there too, and whether an array holds an array on the way. A null is a null, an empty array or a null in one at
     * the path's end ({@code $exists: true} meets any of them), or an element of an array along the path without the
     * rest of it: MongoDB sorts such a document first ascending (its least value is null), and the index holds it
     * under its values only, or not at all. An array in an array the wire server's sort reads otherwise than its
     * matching, so no walk of the index can give its order.
     */
    record Held(List<Object> values, boolean nullToo, boolean nested) {
    }

    static Held held(Document document, String path) {
        Walk walk = new Walk();
        walk.collect(document, path.split("\\."), 0, false);
        return new Held(walk.values, walk.nullToo, walk.nested);
    }

    private static final class Walk {
        final List<Object> values = new ArrayList<>();
        boolean nullToo;
        boolean nested;

        void collect(Object value, String[] path, int at, boolean inArray) {
            if (at == path.length) {
                if (value instanceof Collection<?> elements) {
                    nullToo |= elements.isEmpty();
                    for (Object element : elements) {
                        nested |= element instanceof Collection<?>;
                        if (element == null) {
                            nullToo = true;
                        } else {
                            values.add(element);
                        }
                    }
                } else if (value == null) {
                    nullToo = true;
                } else {
                    values.add(value);
                }
                return;
            }
            if (value instanceof Document document && document.containsKey(path[at])) {
                collect(document.get(path[at]), path, at + 1, inArray);
            } else if (value instanceof List<?> list && !path[at].chars().allMatch(Character::isDigit)) {
                nested |= inArray;
                list.forEach(element -> collect(element, path, at, true));
            } else if (value instanceof List<?> list && Integer.parseInt(path[at]) < list.size()) {
                collect(list.get(Integer.parseInt(path[at])), path, at + 1, inArray);
            } else {
                nullToo |= inArray; // the rest of the path missing: for the whole document, not a value at all
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

    /**
     * Whether a missing field can never meet the condition, so that the index holds every document meeting it
     * ({@code $exists: true} only while no document holds a null there and no value).
     */
    private boolean answerable(Object condition) {
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
                    || name.equals("$exists") && Boolean.TRUE.equals(value) && nullOnly.isEmpty()
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
        for (Object held : matching(conditionIn(query))) {
            if (held instanceof Positions several) {
                positions.addAll(several);
            } else {
                positions.add(held);
            }
        }
        return positions;
    }

    @Override
    synchronized long estimate(Document query) {
        long found = 0;
        for (Object held : matching(conditionIn(query))) {
            found += held instanceof Positions several ? several.size() : 1;
        }
        return found;
    }

    /** What the index holds (a position, or {@link Positions}) for each value that meets the condition. */
    private Collection<Object> matching(Object condition) {
        if (!(condition instanceof Document operators)) {
            Object held = positionsByValue.get(condition);
            return held == null ? List.of() : List.of(held);
        }
        if (operators.get("$in") instanceof Collection<?> in) {
            return in.stream().distinct().map(positionsByValue::get).filter(Objects::nonNull).toList();
        }
        return within(operators, null).values();
    }

    /**
     * The part of the index the operators' bounds keep ({@code $exists: true}: all of it); {@code ignoringUpper}
     * true, its lower bounds only, false its upper bounds only, null both.
     */
    private NavigableMap<Object, Object> within(Document operators, Boolean ignoringUpper) {
        NavigableMap<Object, Object> range = positionsByValue;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            boolean upper = operator.getKey().startsWith("$lt");
            if (ignoringUpper != null && upper == ignoringUpper) {
                continue;
            }
            Object value = operator.getValue();
            range = switch (operator.getKey()) {
                case "$gt" -> range.tailMap(value, false);
                case "$gte" -> range.tailMap(value, true);
                case "$lt" -> range.headMap(value, false);
                case "$lte" -> range.headMap(value, true);
                default -> range; // $exists: true, every indexed document
            };
        }
        return range;
    }

    /** The indexed field's path. */
    String field() {
        return field;
    }

    /**
     * The positions of the documents that may meet the query's condition on this field, each once, in the order a
     * sort on the field puts them: ascending, a document at its least value; descending, at its greatest (as MongoDB
     * sorts an array); null when the index cannot tell that order (ascending, while a document also holds a null at
     * the path: MongoDB puts it first, the index holds it under its values; either way, while a document holds an
     * array in an array there, or the path names an element by position). A walk of the index, not a sort of
     * documents: a claim of the next document in order reads the first few only. The walk is lazy, so it must be
     * made under the collection's lock, as every change to the index is (but dropping it, done at start-up). Once the
     * index has held an array, whose least value may lie outside the condition's range while another of its values
     * meets it, the walk keeps only the bound it walks towards; the documents found are matched against the whole
     * query as ever.
     */
    synchronized Stream<Object> positionsInOrder(Document query, boolean descending) {
        if (positional || !nested.isEmpty() || !descending && !nullFirst.isEmpty()) {
            return null;
        }
        Object condition = conditionIn(query);
        NavigableMap<Object, Object> range = positionsByValue;
        if (condition instanceof Document operators && !operators.containsKey("$in")) {
            range = within(operators, multikey ? descending : null);
        } else if (!multikey) {
            TreeSet<Object> values = new TreeSet<>(positionsByValue.comparator());
            if (condition instanceof Document operators && operators.get("$in") instanceof Collection<?> in) {
                values.addAll(in);
            } else {
                values.add(condition);
            }
            return (descending ? values.descendingSet() : values).stream().map(positionsByValue::get)
                    .filter(Objects::nonNull).flatMap(InMemorySecondaryIndex::each);
        }
        Set<Object> seen = new HashSet<>();
        return (descending ? range.descendingMap() : range).values().stream().flatMap(InMemorySecondaryIndex::each)
                .filter(seen::add);
    }

    private static Stream<Object> each(Object held) {
        return held instanceof Positions several ? several.stream() : Stream.of(held);
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Held at = held(document, field);
        List<Object> values = at.values();
        multikey |= values.size() > 1;
        if (at.nullToo()) {
            (values.isEmpty() ? nullOnly : nullFirst).add(position);
        }
        if (at.nested()) {
            nested.add(position);
        }
        for (Object value : values) {
            Object held = positionsByValue.get(value);
            if (held == null) {
                positionsByValue.put(value, position);
            } else if (held instanceof Positions several) {
                several.add(position);
            } else if (!held.equals(position)) {
                Positions several = new Positions();
                several.add(held);
                several.add(position);
                positionsByValue.put(value, several); // the key stays the instance first indexed
            }
        }
        if (!values.isEmpty()) {
            count++;
        }
    }

    /** The instances the index holds its values by (one per distinct value), in the values' order. */
    synchronized List<Object> heldValues() {
        return List.copyOf(positionsByValue.keySet());
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = getPosition(document);
        Held at = held(document, field);
        nullOnly.remove(position);
        nullFirst.remove(position);
        nested.remove(position);
        boolean indexed = false;
        for (Object value : at.values()) {
            Object held = positionsByValue.get(value);
            if (held instanceof Positions several) {
                indexed |= several.remove(position);
                if (several.size() == 1) {
                    positionsByValue.put(value, several.iterator().next());
                }
            } else if (held != null && held.equals(position)) {
                positionsByValue.remove(value);
                indexed = true;
            }
        }
        if (indexed) {
            count--;
        }
        return position;
    }

    @Override
    public synchronized long getCount() {
        return count;
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
        count = 0;
        multikey = false;
        nullOnly.clear();
        nullFirst.clear();
        nested.clear();
    }
}
