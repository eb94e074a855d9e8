package uk.caseqa.reporting.adapter.out.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.reporting.application.BoardRecords;
import uk.caseqa.reporting.domain.AuditRecord;
import uk.caseqa.reporting.domain.ConcernRecord;
import uk.caseqa.reporting.domain.FollowUpRecord;

/**
 * Records in {@value #COLLECTION}, one document per record under {@code kind|council|id} (two councils' audits
 * with the same id are two documents). A change reads the document, applies the change and writes it back only if
 * its version is still the one read (or inserts it, if nobody did meanwhile); otherwise it reads again. A record
 * whose figures may have moved is {@code dirty}, with the dates that place it in periods gathered in
 * {@code dirtyDates}, until {@link #counted} clears both at the version counted.
 */
@Component
class MongoBoardRecords implements BoardRecords {

    static final String COLLECTION = "boardRecords";
    private static final int MAX_ATTEMPTS = 10;
    private final MongoTemplate mongo;

    MongoBoardRecords(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("localAuthority", Sort.Direction.ASC).named("council"));
        mongo.indexOps(COLLECTION).createIndex(new Index("dirty", Sort.Direction.ASC).named("dirty")
                .partial(PartialIndexFilter.of(Criteria.where("dirty").is(true))));
    }

    /** One record of any kind; exactly one of audit, concern and followUp is set. */
    record RecordDocument(@Id String id, String kind, String localAuthority, AuditRecord audit, ConcernRecord concern,
            FollowUpRecord followUp, boolean dirty, List<Instant> dirtyDates, long version) {
    }

    private enum Kind {
        AUDIT("audit"), CONCERN("concern"), FOLLOW_UP("follow-up");

        final String name;

        Kind(String name) {
            this.name = name;
        }
    }

    @Override
    public void changeAudit(String la, String auditId, UnaryOperator<AuditRecord> change, boolean recountAnyway) {
        change(Kind.AUDIT, la, auditId, RecordDocument::audit, () -> AuditRecord.of(la, auditId), change,
                AuditRecord::periodDates, (d, r) -> doc(d, r, null, null), recountAnyway);
    }

    @Override
    public void changeConcern(String la, String id, UnaryOperator<ConcernRecord> change, boolean recountAnyway) {
        change(Kind.CONCERN, la, id, RecordDocument::concern, () -> ConcernRecord.of(la, id), change,
                ConcernRecord::periodDates, (d, r) -> doc(d, null, r, null), recountAnyway);
    }

    @Override
    public void changeFollowUp(String la, String id, UnaryOperator<FollowUpRecord> change) {
        change(Kind.FOLLOW_UP, la, id, RecordDocument::followUp, () -> FollowUpRecord.of(la, id), change,
                FollowUpRecord::periodDates, (d, r) -> doc(d, null, null, r), false);
    }

    private static RecordDocument doc(RecordDocument d, AuditRecord a, ConcernRecord c, FollowUpRecord f) {
        return new RecordDocument(d.id(), d.kind(), d.localAuthority(), a, c, f, d.dirty(), d.dirtyDates(),
                d.version());
    }

    private <R> void change(Kind kind, String la, String id, Function<RecordDocument, R> read,
            java.util.function.Supplier<R> empty, UnaryOperator<R> change, Function<R, List<Instant>> dates,
            java.util.function.BiFunction<RecordDocument, R, RecordDocument> withRecord, boolean recountAnyway) {
        String documentId = String.join("|", kind.name, la, id);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RecordDocument stored = mongo.findById(documentId, RecordDocument.class, COLLECTION);
            R before = stored == null ? empty.get() : read.apply(stored);
            R after = change.apply(before);
            if (stored != null && Objects.equals(before, after) && !recountAnyway) {
                return;
            }
            TreeSet<Instant> dirtyDates = new TreeSet<>(dates.apply(after));
            dirtyDates.addAll(dates.apply(before));
            if (stored != null && stored.dirtyDates() != null) {
                dirtyDates.addAll(stored.dirtyDates());
            }
            RecordDocument shell = new RecordDocument(documentId, kind.name, la, null, null, null, true,
                    new ArrayList<>(dirtyDates), stored == null ? 1 : stored.version() + 1);
            RecordDocument next = withRecord.apply(shell, after);
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
                + MAX_ATTEMPTS + " attempts; the event will be retried");
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
