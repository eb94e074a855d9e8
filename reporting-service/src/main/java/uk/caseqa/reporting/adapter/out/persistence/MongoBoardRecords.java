package uk.caseqa.reporting.adapter.out.persistence;

import com.mongodb.bulk.BulkWriteResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.reporting.application.BoardRecords;
import uk.caseqa.reporting.application.BoardRecords.AuditChange;
import uk.caseqa.reporting.application.BoardRecords.Change;
import uk.caseqa.reporting.application.BoardRecords.ConcernChange;
import uk.caseqa.reporting.application.BoardRecords.FollowUpChange;
import uk.caseqa.reporting.domain.AuditRecord;
import uk.caseqa.reporting.domain.ConcernRecord;
import uk.caseqa.reporting.domain.FollowUpRecord;

/**
 * Records in {@value #COLLECTION}, one document per record under {@code kind|council|id} (two councils' audits
 * with the same id are two documents). A batch of changes reads its documents, applies the changes and writes each
 * back only if its version is still the one read (or inserts it, if nobody did meanwhile); otherwise it reads that
 * one again. A record
 * whose figures may have moved is {@code dirty}, with the dates that place it in periods gathered in
 * {@code dirtyDates}, until {@link #counted} clears both at the version counted.
 */
@Component
class MongoBoardRecords implements BoardRecords {

    static final String COLLECTION = "boardRecords";
    private static final int MAX_ATTEMPTS = 10;
    private final MongoTemplate mongo;
    private final Counter redone;

    MongoBoardRecords(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.redone = Counter.builder("caseqa.reporting.records.redone")
                .description("records of a batch another writer changed first, changed again one by one")
                .register(meters);
        mongo.indexOps(COLLECTION).createIndex(new Index("localAuthority", Sort.Direction.ASC).named("council"));
        // the version-checked write's filter {_id, version} as an index of its own: MongoDB would use the _id index
        // anyway, but the embedded wire server uses an index only for a filter on exactly its keys, and would
        // otherwise scan the whole collection on every write
        mongo.indexOps(COLLECTION).createIndex(new Index("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named("idVersion"));
        mongo.indexOps(COLLECTION).createIndex(new Index("dirty", Sort.Direction.ASC).named("dirty")
                .partial(PartialIndexFilter.of(Criteria.where("dirty").is(true))));
    }

    /**
     * One record of any kind; exactly one of audit, concern and followUp is set. {@code writeToken} names the batch
     * that wrote it last, so a batch can tell which of its writes another writer beat.
     */
    record RecordDocument(@Id String id, String kind, String localAuthority, AuditRecord audit, ConcernRecord concern,
            FollowUpRecord followUp, boolean dirty, List<Instant> dirtyDates, long version, String writeToken) {
    }

    /**
     * Reads every record the changes touch in one query, applies each record's changes in order, and writes the
     * changed ones in one unordered bulk write (an insert for a new record, a replace of the version read for a
     * known one). Where another writer got there first (a version moved, or a record created meanwhile), those
     * records alone are changed again one by one from a fresh read: every change is idempotent.
     */
    @Override
    public void changeAll(List<Change> changes) {
        Map<String, List<Change>> byDocument = new LinkedHashMap<>();
        for (Change change : changes) {
            byDocument.computeIfAbsent(documentId(change), id -> new ArrayList<>()).add(change);
        }
        Map<String, RecordDocument> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(byDocument.keySet())), RecordDocument.class, COLLECTION)
                .forEach(d -> stored.put(d.id(), d));
        String token = UUID.randomUUID().toString();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RecordDocument.class, COLLECTION);
        List<String> written = new ArrayList<>();
        for (var entry : byDocument.entrySet()) {
            RecordDocument before = stored.get(entry.getKey());
            RecordDocument next = next(entry.getKey(), before, entry.getValue(), token);
            if (next == null) {
                continue;
            }
            if (before == null) {
                bulk.insert(next);
            } else {
                bulk.replaceOne(Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version())),
                        next);
            }
            written.add(entry.getKey());
        }
        if (written.isEmpty()) {
            return;
        }
        boolean allWritten;
        try {
            BulkWriteResult result = bulk.execute();
            allWritten = result.getInsertedCount() + result.getMatchedCount() == written.size();
        } catch (BulkOperationException someBeatUs) {
            allWritten = false;
        }
        if (!allWritten) {
            Query ours = Query.query(Criteria.where("_id").in(written).and("writeToken").is(token));
            ours.fields().include("_id");
            java.util.Set<String> landed = new java.util.HashSet<>();
            mongo.find(ours, org.bson.Document.class, COLLECTION).forEach(d -> landed.add(d.getString("_id")));
            written.stream().filter(id -> !landed.contains(id)).forEach(id -> {
                redone.increment();
                changeOne(id, byDocument.get(id));
            });
        }
    }

    /** The changes of one record, from a fresh read, until a version-checked write of them lands. */
    private void changeOne(String documentId, List<Change> changes) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RecordDocument stored = mongo.findById(documentId, RecordDocument.class, COLLECTION);
            RecordDocument next = next(documentId, stored, changes, UUID.randomUUID().toString());
            if (next == null) {
                return;
            }
            if (stored == null) {
                try {
                    mongo.insert(next, COLLECTION);
                    return;
                } catch (DuplicateKeyException createdMeanwhile) {
                    continue;
                }
            }
            Query unchanged = Query.query(Criteria.where("_id").is(documentId).and("version").is(stored.version()));
            if (mongo.findAndReplace(unchanged, next, COLLECTION) != null) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("board record " + documentId + " kept changing under "
                + MAX_ATTEMPTS + " attempts; the events will be retried");
    }

    /** The document after the changes, or null when they leave the record as it was (and ask no recount). */
    private static RecordDocument next(String documentId, RecordDocument stored, List<Change> changes, String token) {
        Change first = changes.get(0);
        Object before = stored == null ? empty(first) : recordOf(stored);
        Object after = before;
        boolean recount = false;
        for (Change change : changes) {
            after = apply(after, change);
            recount |= change.recountAnyway();
        }
        if (stored != null && Objects.equals(before, after) && !recount) {
            return null;
        }
        TreeSet<Instant> dirtyDates = new TreeSet<>(datesOf(after));
        dirtyDates.addAll(datesOf(before));
        if (stored != null && stored.dirtyDates() != null) {
            dirtyDates.addAll(stored.dirtyDates());
        }
        return new RecordDocument(documentId, kindOf(first), first.localAuthority(),
                after instanceof AuditRecord a ? a : null, after instanceof ConcernRecord c ? c : null,
                after instanceof FollowUpRecord f ? f : null, true, new ArrayList<>(dirtyDates),
                stored == null ? 1 : stored.version() + 1, token);
    }

    private static String documentId(Change change) {
        return String.join("|", kindOf(change), change.localAuthority(), change.id());
    }

    private static String kindOf(Change change) {
        return change instanceof AuditChange ? "audit" : change instanceof ConcernChange ? "concern" : "follow-up";
    }

    private static Object empty(Change change) {
        if (change instanceof AuditChange) {
            return AuditRecord.of(change.localAuthority(), change.id());
        }
        return change instanceof ConcernChange ? ConcernRecord.of(change.localAuthority(), change.id())
                : FollowUpRecord.of(change.localAuthority(), change.id());
    }

    private static Object recordOf(RecordDocument d) {
        return d.audit() != null ? d.audit() : d.concern() != null ? d.concern() : d.followUp();
    }

    private static Object apply(Object record, Change change) {
        if (change instanceof AuditChange a) {
            return a.change().apply((AuditRecord) record);
        }
        if (change instanceof ConcernChange c) {
            return c.change().apply((ConcernRecord) record);
        }
        return ((FollowUpChange) change).change().apply((FollowUpRecord) record);
    }

    private static List<Instant> datesOf(Object record) {
        if (record instanceof AuditRecord a) {
            return a.periodDates();
        }
        return record instanceof ConcernRecord c ? c.periodDates() : ((FollowUpRecord) record).periodDates();
    }

    @Override
    public List<Dirty> dirty(int limit) {
        Query query = Query.query(Criteria.where("dirty").is(true)).limit(limit);
        query.fields().include("localAuthority", "dirtyDates", "version");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream()
                .map(d -> new Dirty(d.getString("_id"), d.getString("localAuthority"),
                        d.getList("dirtyDates", java.util.Date.class, List.of()).stream().map(java.util.Date::toInstant)
                                .toList(),
                        ((Number) d.get("version")).longValue()))
                .toList();
    }

    @Override
    public void counted(Dirty dirty) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(dirty.documentId()).and("version").is(dirty.version())),
                new Update().set("dirty", false).unset("dirtyDates"), COLLECTION);
    }

    @Override
    public CouncilRecords load(String la) {
        List<AuditRecord> audits = new ArrayList<>();
        List<ConcernRecord> concerns = new ArrayList<>();
        List<FollowUpRecord> followUps = new ArrayList<>();
        for (RecordDocument d : mongo.find(Query.query(Criteria.where("localAuthority").is(la)), RecordDocument.class,
                COLLECTION)) {
            if (d.audit() != null) {
                audits.add(d.audit());
            } else if (d.concern() != null) {
                concerns.add(d.concern());
            } else if (d.followUp() != null) {
                followUps.add(d.followUp());
            }
        }
        return new CouncilRecords(audits, concerns, followUps);
    }

    @Override
    public void deleteAll() {
        mongo.remove(new Query(), COLLECTION);
    }
}
