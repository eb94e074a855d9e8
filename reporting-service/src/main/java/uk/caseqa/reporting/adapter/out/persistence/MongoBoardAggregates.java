package uk.caseqa.reporting.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.caseqa.reporting.application.BoardAggregates;
import uk.caseqa.reporting.domain.BoardCount;

/** Aggregates as last published, in {@value #COLLECTION}, one document per aggregate id. */
@Component
class MongoBoardAggregates implements BoardAggregates {

    static final String COLLECTION = "boardAggregates";
    private final MongoTemplate mongo;

    MongoBoardAggregates(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("localAuthority", Sort.Direction.ASC).named("council"));
    }

    record AggregateDocument(@Id String id, String localAuthority, String period, Map<String, Long> counts,
            long revision, Instant asOf) {
    }

    @Override
    public List<Stored> ofCouncil(String localAuthority) {
        return mongo.find(Query.query(Criteria.where("localAuthority").is(localAuthority)),
                AggregateDocument.class, COLLECTION).stream()
                .map(d -> new Stored(new BoardCount.Aggregate(BoardCount.Key.parse(d.id()),
                        d.counts() == null ? Map.of() : d.counts(), d.asOf()), d.revision()))
                .toList();
    }

    @Override
    public void saveAll(List<Stored> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AggregateDocument.class, COLLECTION);
        for (Stored stored : aggregates) {
            BoardCount.Key key = stored.aggregate().key();
            bulk.replaceOne(Query.query(Criteria.where("_id").is(key.id())), new AggregateDocument(key.id(),
                    key.localAuthority(), key.period(), stored.aggregate().counts(), stored.revision(),
                    stored.aggregate().asOf()), FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    @Override
    public void deleteAll() {
        mongo.remove(new Query(), COLLECTION);
    }
}
