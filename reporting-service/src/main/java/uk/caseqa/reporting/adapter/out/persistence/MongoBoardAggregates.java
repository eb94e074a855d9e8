package uk.caseqa.reporting.adapter.out.persistence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.reporting.application.BoardAggregates;
import uk.caseqa.reporting.domain.BoardFact;

/**
 * Facts in {@value #FACTS}, one document per thing counted; aggregates in {@value #COLLECTION}, recounted from the
 * facts. A recount first bumps the aggregate's {@code changes} counter, then counts, then writes the counts only if
 * nobody bumped it meanwhile: whoever bumped it later recounts after their own fact was stored, so the last write
 * always includes every fact, with any number of replicas and without handled-event lists that grow forever.
 * Each written count bumps the revision and marks the aggregate {@code dirty} until
 * {@link uk.caseqa.reporting.adapter.out.messaging.AggregatePublisher} publishes it.
 */
@Component
class MongoBoardAggregates implements BoardAggregates {

    static final String COLLECTION = "boardAggregates";
    static final String FACTS = "boardFacts";
    private static final int MAX_ATTEMPTS = 5;
    private final MongoTemplate mongo;

    MongoBoardAggregates(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(FACTS).createIndex(new org.springframework.data.mongodb.core.index.Index("aggregateId",
                Sort.Direction.ASC).named("aggregateId"));
    }

    record AggregateDocument(@Id String id, String measure, String localAuthority, String teamId, String period,
            Map<String, Long> counts, long revision, boolean dirty) {
        Aggregate toView() {
            return new Aggregate(measure, localAuthority, teamId, period, counts == null ? Map.of() : counts, revision);
        }
    }

    record FactDocument(@Id String factId, String measure, String localAuthority, String teamId, String period,
            String bucket, int rank, java.time.Instant asOf, String aggregateId) {
        static FactDocument of(BoardFact fact) {
            return new FactDocument(fact.factId(), fact.measure(), fact.localAuthority(), fact.teamId(), fact.period(),
                    fact.bucket(), fact.rank(), fact.asOf(), fact.teamId() == null ? null : fact.aggregateId());
        }

        BoardFact toDomain() {
            return new BoardFact(factId, measure, localAuthority, teamId, period, bucket, rank, asOf);
        }
    }

    @Override
    public Set<String> keep(BoardFact fact) {
        for (int attempt = 1; ; attempt++) {
            FactDocument stored = mongo.findById(fact.factId(), FactDocument.class, FACTS);
            try {
                if (stored == null) {
                    mongo.insert(FactDocument.of(fact), FACTS);
                    return affected(null, fact);
                }
                BoardFact before = stored.toDomain();
                BoardFact incoming = fact.inTeamOf(before);
                if (!incoming.supersedes(before)) {
                    return affected(null, before.teamId() != null || incoming.teamId() == null ? before
                            : fillTeam(stored, incoming.teamId()));
                }
                if (replace(stored, incoming)) {
                    return affected(before, incoming);
                }
            } catch (DuplicateKeyException createdMeanwhile) {
                // another replica stored a fact about the same thing between our read and our insert: read again
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new org.springframework.dao.OptimisticLockingFailureException("fact " + fact.factId()
                        + " kept changing under " + MAX_ATTEMPTS + " attempts; the event will be retried");
            }
        }
    }

    /** Replaces the fact only if it is still the one read (compare-and-set on rank and asOf). */
    private boolean replace(FactDocument stored, BoardFact incoming) {
        Query unchanged = Query.query(Criteria.where("_id").is(stored.factId()).and("rank").is(stored.rank())
                .and("asOf").is(stored.asOf()));
        FactDocument next = FactDocument.of(incoming);
        Update update = new Update().set("teamId", next.teamId()).set("period", next.period())
                .set("bucket", next.bucket()).set("rank", next.rank()).set("asOf", next.asOf())
                .set("aggregateId", next.aggregateId());
        return mongo.updateFirst(unchanged, update, FACTS).getModifiedCount() > 0;
    }

    /** An event that names the team fills it in on a fact stored without one (a close that arrived first). */
    private BoardFact fillTeam(FactDocument stored, String teamId) {
        BoardFact s = stored.toDomain();
        BoardFact filled = new BoardFact(s.factId(), s.measure(), s.localAuthority(), teamId, s.period(), s.bucket(),
                s.rank(), s.asOf());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(stored.factId()).and("teamId").is(null)),
                new Update().set("teamId", teamId).set("aggregateId", filled.aggregateId()), FACTS);
        return filled;
    }

    private static Set<String> affected(BoardFact before, BoardFact after) {
        Set<String> ids = new LinkedHashSet<>();
        if (before != null && before.teamId() != null) {
            ids.add(before.aggregateId());
        }
        if (after.teamId() != null) {
            ids.add(after.aggregateId());
        }
        return ids;
    }

    @Override
    public void recount(String aggregateId) {
        String[] key = aggregateId.split("\\|", -1);
        Document bumped = mongo.findAndModify(Query.query(Criteria.where("_id").is(aggregateId)),
                new Update().inc("changes", 1L).set("measure", key[0]).set("localAuthority", key[1])
                        .set("teamId", key[2]).set("period", key[3]),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        long changes = ((Number) bumped.get("changes")).longValue();
        Map<String, Long> counts = new TreeMap<>();
        Document previous = bumped.get("counts", Document.class);
        if (previous != null) {
            previous.keySet().forEach(bucket -> counts.put(bucket, 0L)); // a bucket emptied reads 0, not missing
        }
        mongo.find(Query.query(Criteria.where("aggregateId").is(aggregateId)), FactDocument.class, FACTS)
                .forEach(f -> counts.merge(f.bucket(), 1L, Long::sum));
        // Written only if nobody bumped the aggregate since: a later bump is followed by a later count that
        // includes every fact stored before it, ours among them.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId).and("changes").is(changes)),
                new Update().set("counts", counts).inc("revision", 1L).set("dirty", true), COLLECTION);
    }

    @Override
    public List<Aggregate> find(String localAuthority, String measure, String period) {
        Criteria criteria = Criteria.where("localAuthority").is(localAuthority);
        if (measure != null) {
            criteria = criteria.and("measure").is(measure);
        }
        if (period != null) {
            criteria = criteria.and("period").is(period);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("measure", "period", "teamId")), AggregateDocument.class,
                COLLECTION).stream().map(AggregateDocument::toView).toList();
    }
}
