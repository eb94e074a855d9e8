package uk.caseqa.reporting.adapter.out.persistence;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.outbox.IdempotentUpserts;
import uk.caseqa.reporting.application.BoardAggregates;
import uk.caseqa.reporting.domain.Tally;

/**
 * One document per aggregate; each count is an atomic upsert that records the event id, bumps the revision and marks
 * the aggregate {@code dirty} until {@link uk.caseqa.reporting.adapter.out.messaging.AggregatePublisher} publishes it.
 */
@Component
class MongoBoardAggregates implements BoardAggregates {

    static final String COLLECTION = "boardAggregates";
    private final MongoTemplate mongo;
    private final IdempotentUpserts upserts;

    MongoBoardAggregates(MongoTemplate mongo, IdempotentUpserts upserts) {
        this.mongo = mongo;
        this.upserts = upserts;
    }

    record AggregateDocument(@Id String id, String measure, String localAuthority, String teamId, String period,
            Map<String, Long> counts, long revision, boolean dirty) {
        Aggregate toView() {
            return new Aggregate(measure, localAuthority, teamId, period, counts == null ? Map.of() : counts, revision);
        }
    }

    @Override
    public boolean count(Tally tally, String eventId) {
        Update update = new Update()
                .set("measure", tally.measure()).set("localAuthority", tally.localAuthority())
                .set("teamId", tally.teamId()).set("period", tally.period())
                .inc("revision", 1L).set("dirty", true);
        tally.deltas().forEach((bucket, delta) -> update.inc("counts." + bucket, delta));
        return upserts.apply(COLLECTION, tally.aggregateId(), eventId, update);
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
