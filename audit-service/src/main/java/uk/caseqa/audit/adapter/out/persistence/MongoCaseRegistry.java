package uk.caseqa.audit.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.audit.domain.RegisteredCase;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.messaging.outbox.IdempotentUpserts;

/**
 * Cases are stored under their council and case id: two councils' case systems may number cases alike, and one
 * council's event never reads or changes another council's case. Each case event is applied in one version-checked write that also records its id (the latest
 * {@value IdempotentUpserts#HANDLED_KEPT}, so a case's document stays small however long it is open); a concurrent
 * writer makes the write fail, and the binder's retry applies the event again on the fresh state. An older event
 * redelivered after its id was dropped changes nothing either: each aspect of {@link CaseState} keeps only the
 * newest event's value.
 */
@Component
class MongoCaseRegistry implements CaseRegistry {

    static final String COLLECTION = "cases";
    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoCaseRegistry(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        int moved = rekeyCasesWithoutCouncil();
        if (moved > 0) {
            org.slf4j.LoggerFactory.getLogger(MongoCaseRegistry.class)
                    .info("case registry: {} cases re-keyed by council and case id", moved);
        }
    }

    @Override
    public boolean apply(String caseId, String localAuthority, String eventId, UnaryOperator<CaseState> change) {
        return !applyAll(List.of(new Change(caseId, localAuthority, eventId, change))).isEmpty();
    }

    /**
     * The batch's cases are read in one query, its events applied in order in memory, and every case changed is
     * written in one bulk write (the store commits once): a new case as an insert that fails if another writer made
     * it meanwhile, a known one as a version-checked update; either failure retries the whole batch, which changes
     * nothing twice.
     */
    @Override
    public java.util.Set<String> applyAll(List<Change> changes) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        changes.forEach(c -> keys.add(CaseDocument.keyOf(c.localAuthority(), c.caseId())));
        java.util.Map<String, CaseDocument> read = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(keys)), CaseDocument.class, COLLECTION)
                .forEach(d -> read.put(d.key(), d));
        java.util.Map<String, CaseDocument> written = new java.util.LinkedHashMap<>();
        java.util.Set<String> applied = new java.util.LinkedHashSet<>();
        for (Change c : changes) {
            String key = CaseDocument.keyOf(c.localAuthority(), c.caseId());
            CaseDocument current = written.containsKey(key) ? written.get(key) : read.get(key);
            if (current != null && current.handledEventIds() != null
                    && current.handledEventIds().contains(c.eventId())) {
                continue;
            }
            CaseState before = current == null ? CaseState.unknown(c.caseId(), c.localAuthority())
                    : current.toDomain();
            List<String> handled = new ArrayList<>(current == null || current.handledEventIds() == null ? List.of()
                    : current.handledEventIds());
            handled.add(c.eventId());
            if (handled.size() > IdempotentUpserts.HANDLED_KEPT) {
                handled = new ArrayList<>(handled.subList(handled.size() - IdempotentUpserts.HANDLED_KEPT,
                        handled.size()));
            }
            written.put(key, CaseDocument.of(c.change().apply(before), handled, null));
            applied.add(c.eventId());
        }
        List<AggregateStore.Write> writes = new ArrayList<>();
        written.forEach((key, next) -> writes.add(new AggregateStore.Write(next,
                read.containsKey(key) ? read.get(key).version() : null, List.of())));
        store.storeAll(writes, COLLECTION);
        return applied;
    }

    @Override
    public Optional<CaseRecord> find(String localAuthority, String caseId) {
        return Optional.ofNullable(mongo.findById(CaseDocument.keyOf(localAuthority, caseId), CaseDocument.class,
                COLLECTION)).map(CaseDocument::toDomain).filter(CaseState::known).map(CaseState::record);
    }

    @Override
    public List<CaseRecord> findInAnyCouncil(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId).and("known").is(true)), CaseDocument.class,
                COLLECTION).stream().map(CaseDocument::toDomain).map(CaseState::record).toList();
    }

    /**
     * Cases stored before they were keyed by council (their {@code _id} the case id alone) move under their council
     * and case id, once, at start: a replica finding one already moved leaves it. Returns how many moved.
     */
    int rekeyCasesWithoutCouncil() {
        int moved = 0;
        for (org.bson.Document old : mongo.find(Query.query(Criteria.where("caseId").exists(false)),
                org.bson.Document.class, COLLECTION)) {
            String caseId = old.getString("_id");
            String council = old.getString("localAuthority");
            if (caseId == null || council == null) {
                continue;
            }
            org.bson.Document moving = new org.bson.Document(old);
            moving.put("_id", CaseDocument.keyOf(council, caseId));
            moving.put("caseId", caseId);
            try {
                mongo.insert(moving, COLLECTION);
                moved++;
            } catch (org.springframework.dao.DuplicateKeyException alreadyMoved) {
                // another replica moved it first
            }
            mongo.remove(Query.query(Criteria.where("_id").is(caseId).and("caseId").exists(false)), COLLECTION);
        }
        return moved;
    }

    @Override
    public List<RegisteredCase> openCases(String localAuthority) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority).and("open").is(true)
                        .and("known").is(true)), CaseDocument.class, COLLECTION).stream()
                .map(d -> new RegisteredCase(d.toDomain().record(), d.openedAt(), true)).toList();
    }
}
