package uk.caseqa.reporting.adapter.out.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
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
 * with the same id are two documents). The record itself is kept as JSON text in {@code record} (its shape is the
 * domain's; the store never looks inside), beside the fields the service queries on: {@code localAuthority},
 * {@code dirty}, {@code version}. A batch of changes reads its documents, applies the changes and writes each
 * back only if its version is still the one read (or inserts it, if nobody did meanwhile); otherwise it reads that
 * one again. A record whose figures may have moved is {@code dirty}, with the dates that place it in periods
 * gathered in {@code dirtyDates}, until {@link #counted} clears both at the version counted.
 *
 * <p>The records are a projection: after a change of their JSON shape the board is rebuilt from the event history
 * ({@code CASEQA_REPORTING_REBUILD=true}); a document this version cannot read is reported by id, not skipped.
 * Documents of the earlier shape (the record as a sub-document) are read as they are and rewritten at their next
 * change.
 */
@Component
class MongoBoardRecords implements BoardRecords {

    static final String COLLECTION = "boardRecords";
    private static final int MAX_ATTEMPTS = 10;
    /**
     * Ids per {@code $in} read of a batch's records: the embedded wire server checks each document found against
     * the whole list, so one read of a batch touching 2,000 records would cost 2,000 x 2,000 comparisons (a fifth
     * of a replay's time).
     */
    private static final int IDS_PER_READ = 100;
    /**
     * Records per reply when a council's records are counted. Without it the embedded wire server answered a find
     * with every document at once: at 100,000 stored records one reply of 76 MB, which the MongoDB driver refuses
     * (its limit is 48 MB), so the board was never counted again (docs/performance.md). MongoDB itself caps a reply
     * at 16 MB; this keeps each a few megabytes on either.
     */
    static final int LOAD_BATCH = 2_000;

    /** Instants as epoch seconds with nanoseconds: exact, and read in half the time of ISO text. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS,
                    DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();
    /** Where an earlier version kept each kind of record, as a sub-document mapped by Spring Data. */
    private static final Map<Class<?>, String> EARLIER_FIELDS = Map.of(AuditRecord.class, "audit",
            ConcernRecord.class, "concern", FollowUpRecord.class, "followUp");
    /** An index on {@code (_id, version)} that earlier versions made; see the constructor. */
    static final String RETIRED_INDEX = "idVersion";
    /** MongoDB's code for dropping an index that is not there (another replica dropped it first). */
    private static final int INDEX_NOT_FOUND = 27;
    private final MongoCollection<Document> records;
    private final MongoConverter converter;
    private final Counter redone;


    MongoBoardRecords(MongoTemplate mongo, MeterRegistry meters) {
        this.records = mongo.getCollection(COLLECTION);
        this.converter = mongo.getConverter();
        this.redone = Counter.builder("caseqa.reporting.records.redone")
                .description("records of a batch another writer changed first, changed again one by one")
                .register(meters);
        records.createIndex(Indexes.ascending("localAuthority"), new IndexOptions().name("council"));
        // the version-checked write's filter {_id, version} is answered from the _id index, on MongoDB and on the
        // embedded store alike; an index of its own, made when the embedded store scanned for it, only cost each
        // write a lookup and an entry (its keys ordered by their Java serialisation there): dropped where it is left
        for (Document index : records.listIndexes()) {
            if (RETIRED_INDEX.equals(index.getString("name"))) {
                try {
                    records.dropIndex(RETIRED_INDEX);
                } catch (com.mongodb.MongoCommandException goneMeanwhile) {
                    if (goneMeanwhile.getErrorCode() != INDEX_NOT_FOUND) {
                        throw goneMeanwhile; // not another replica dropping it first
                    }
                }
            }
        }
        records.createIndex(Indexes.ascending("dirty"), new IndexOptions().name("dirty")
                .partialFilterExpression(Filters.eq("dirty", true)));
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
        Map<String, Document> stored = new HashMap<>();
        List<String> ids = new ArrayList<>(byDocument.keySet());
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            records.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ))))
                    .forEach(d -> stored.put(d.getString("_id"), d));
        }
        String token = UUID.randomUUID().toString();
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (var entry : byDocument.entrySet()) {
            Document before = stored.get(entry.getKey());
            Document next = next(entry.getKey(), before, entry.getValue(), token);
            if (next == null) {
                continue;
            }
            writes.add(before == null ? new InsertOneModel<>(next)
                    : new ReplaceOneModel<>(unchanged(before), next));
            written.add(entry.getKey());
        }
        if (written.isEmpty()) {
            return;
        }
        boolean allWritten;
        try {
            BulkWriteResult result = records.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            allWritten = result.getInsertedCount() + result.getMatchedCount() == written.size();
        } catch (MongoBulkWriteException someBeatUs) {
            allWritten = false;
        }
        if (!allWritten) {
            Set<String> landed = new HashSet<>();
            records.find(Filters.and(Filters.in("_id", written), Filters.eq("writeToken", token)))
                    .projection(Projections.include("_id")).forEach(d -> landed.add(d.getString("_id")));
            written.stream().filter(id -> !landed.contains(id)).forEach(id -> {
                redone.increment();
                changeOne(id, byDocument.get(id));
            });
        }
    }

    /** The changes of one record, from a fresh read, until a version-checked write of them lands. */
    private void changeOne(String documentId, List<Change> changes) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Document stored = records.find(Filters.eq("_id", documentId)).first();
            Document next = next(documentId, stored, changes, UUID.randomUUID().toString());
            if (next == null) {
                return;
            }
            if (stored == null) {
                try {
                    records.insertOne(next);
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        continue; // created meanwhile
                    }
                    throw e;
                }
            }
            if (records.replaceOne(unchanged(stored), next).getMatchedCount() == 1) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("board record " + documentId + " kept changing under "
                + MAX_ATTEMPTS + " attempts; the events will be retried");
    }

    /**
     * The record at the version read: a plain {@code {_id, version}} document (not {@code Filters.and}, which
     * renders {@code $and} and keeps the embedded server from its index).
     */
    private static Bson unchanged(Document stored) {
        return atVersion(stored.getString("_id"), version(stored));
    }

    private static Bson atVersion(String documentId, long version) {
        return new Document("_id", documentId).append("version", version);
    }

    /** The document after the changes, or null when they leave the record as it was (and ask no recount). */
    private Document next(String documentId, Document stored, List<Change> changes, String token) {
        Change first = changes.get(0);
        Object before = stored == null ? empty(first) : recordOf(documentId, stored, first);
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
        if (stored != null) {
            stored.getList("dirtyDates", Date.class, List.of()).forEach(d -> dirtyDates.add(d.toInstant()));
        }
        return new Document("_id", documentId).append("kind", kindOf(first))
                .append("localAuthority", first.localAuthority()).append("record", JSON.writeValueAsString(after))
                .append("dirty", true).append("dirtyDates", dirtyDates.stream().map(Date::from).toList())
                .append("version", stored == null ? 1L : version(stored) + 1).append("writeToken", token);
    }

    private static long version(Document stored) {
        return ((Number) stored.get("version")).longValue();
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

    private Object recordOf(String documentId, Document stored, Change change) {
        Class<?> type = change instanceof AuditChange ? AuditRecord.class
                : change instanceof ConcernChange ? ConcernRecord.class : FollowUpRecord.class;
        return read(documentId, stored, type);
    }

    /**
     * The record of a document: its JSON text; or, in a document an earlier version wrote, the record as a
     * sub-document ({@code audit}, {@code concern} or {@code followUp}), read as Spring Data wrote it and written
     * back as text at its next change. Anything else is named, with the way out, rather than skipped.
     */
    private <T> T read(String documentId, Document stored, Class<T> type) {
        String json = stored.getString("record");
        if (json == null) {
            Object earlier = stored.get(EARLIER_FIELDS.get(type));
            if (earlier instanceof Document subDocument) {
                return converter.read(type, subDocument);
            }
            throw new IllegalStateException("board record " + documentId + " holds no " + type.getSimpleName()
                    + "; rebuild the board from the event history (CASEQA_REPORTING_REBUILD=true)");
        }
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("board record " + documentId + " cannot be read as " + type.getSimpleName()
                    + " (" + e.getOriginalMessage() + "); rebuild the board from the event history "
                    + "(CASEQA_REPORTING_REBUILD=true)", e);
        }
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
        List<Dirty> dirty = new ArrayList<>();
        records.find(Filters.eq("dirty", true)).limit(limit)
                .projection(Projections.include("localAuthority", "dirtyDates", "version"))
                .forEach(d -> dirty.add(new Dirty(d.getString("_id"), d.getString("localAuthority"),
                        d.getList("dirtyDates", Date.class, List.of()).stream().map(Date::toInstant).toList(),
                        version(d))));
        return dirty;
    }

    @Override
    public void counted(Dirty dirty) {
        records.updateOne(atVersion(dirty.documentId(), dirty.version()),
                Updates.combine(Updates.set("dirty", false), Updates.unset("dirtyDates")));
    }

    @Override
    public CouncilRecords load(String la) {
        List<AuditRecord> audits = new ArrayList<>();
        List<ConcernRecord> concerns = new ArrayList<>();
        List<FollowUpRecord> followUps = new ArrayList<>();
        records.find(Filters.eq("localAuthority", la)).batchSize(LOAD_BATCH)
                .projection(Projections.include("kind", "record", "audit", "concern", "followUp")).forEach(d -> {
            String id = d.getString("_id");
            switch (d.getString("kind")) {
                case "audit" -> audits.add(read(id, d, AuditRecord.class));
                case "concern" -> concerns.add(read(id, d, ConcernRecord.class));
                default -> followUps.add(read(id, d, FollowUpRecord.class));
            }
        });
        return new CouncilRecords(audits, concerns, followUps);
    }

    @Override
    public void deleteAll() {
        records.deleteMany(new Document());
    }
}
