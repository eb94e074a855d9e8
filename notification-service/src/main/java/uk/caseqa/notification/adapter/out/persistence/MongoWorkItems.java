package uk.caseqa.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.WorkItems;
import uk.caseqa.notification.domain.WorkItem;

/**
 * Work items, one document each. Opening is an upsert that only matches an item not done later; a done item
 * done by a later event than the opening one stays done (the upsert's insert then meets the existing id and is
 * dropped). Done is a multi-document update, each document on its own: no transaction is needed.
 */
@Component
class MongoWorkItems implements WorkItems {

    static final String COLLECTION = "workItems";
    private final MongoTemplate mongo;

    MongoWorkItems(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("council", Sort.Direction.ASC)
                .on("staffId", Sort.Direction.ASC).on("open", Sort.Direction.ASC).named("person_open"));
        mongo.indexOps(COLLECTION).createIndex(new Index("council", Sort.Direction.ASC)
                .on("kind", Sort.Direction.ASC).on("recordId", Sort.Direction.ASC).named("record"));
    }

    record WorkItemDocument(@Id String id, String council, String kind, String recordId, String detailId,
            String staffId, String caseId, Instant dueBy, boolean returned, boolean open, Instant openedAt,
            Instant doneAt) {
        WorkItem toDomain() {
            return new WorkItem(council, WorkItem.Kind.valueOf(kind), recordId, detailId, staffId, caseId, dueBy,
                    returned);
        }
    }

    @Override
    public void open(WorkItem item, Instant at) {
        Query notDoneLater = Query.query(Criteria.where("_id").is(item.id())
                .orOperator(Criteria.where("doneAt").is(null), Criteria.where("doneAt").lt(at)));
        Update update = new Update().set("council", item.council()).set("kind", item.kind().name())
                .set("recordId", item.recordId()).set("detailId", item.detailId()).set("staffId", item.staffId())
                .set("caseId", item.caseId()).set("dueBy", item.dueBy()).set("returned", item.returned())
                .set("open", true).set("openedAt", at).unset("doneAt");
        try {
            mongo.upsert(notDoneLater, update, COLLECTION);
        } catch (DuplicateKeyException doneLater) {
            // the item exists and was done by a later event: this opening is older news
        }
    }

    @Override
    public void done(WorkItem.Done done, Instant at) {
        Criteria criteria = Criteria.where("council").is(done.council()).and("kind").is(done.kind().name())
                .and("recordId").is(done.recordId()).and("open").is(true).and("openedAt").lte(at);
        if (done.detailId() != null) {
            criteria = criteria.and("detailId").is(done.detailId());
        }
        if (done.staffId() != null) {
            criteria = criteria.and("staffId").is(done.staffId());
        } else if (done.except() != null) {
            criteria = criteria.and("staffId").ne(done.except());
        }
        mongo.updateMulti(Query.query(criteria), new Update().set("open", false).set("doneAt", at), COLLECTION);
    }

    @Override
    public List<WorkItem> openFor(String council, String staffId) {
        return mongo.find(Query.query(Criteria.where("council").is(council).and("staffId").is(staffId)
                        .and("open").is(true)), WorkItemDocument.class, COLLECTION).stream()
                .filter(WorkItemDocument::open).map(WorkItemDocument::toDomain)
                .sorted(Comparator.comparing((WorkItem w) -> w.dueBy() == null ? Instant.MAX : w.dueBy()))
                .toList();
    }
}
