package uk.caseqa.audit.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.AuditCycles;
import uk.caseqa.audit.domain.AuditCycle;

@Component
class MongoAuditCycles implements AuditCycles {

    static final String COLLECTION = "auditCycles";
    private final MongoTemplate mongo;

    MongoAuditCycles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Map keys cannot hold dots in MongoDB; exclusions are kept as a list of pairs. */
    record Exclusion(String caseId, String reason) {
    }

    record AuditCycleDocument(@Id String cycleId, String localAuthority, String programmeId, String cycleKey, long seed,
            List<String> eligible, List<Exclusion> excluded, List<AuditCycle.Allocated> allocations, String runBy,
            Instant runAt) {
    }

    @Override
    public boolean insertIfAbsent(AuditCycle c) {
        try {
            mongo.insert(new AuditCycleDocument(c.cycleId(), c.localAuthority(), c.programmeId(), c.cycleKey(), c.seed(),
                    c.eligible(), c.excluded().entrySet().stream().map(e -> new Exclusion(e.getKey(), e.getValue()))
                            .toList(), c.allocations(), c.runBy(), c.runAt()), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyRun) {
            return false;
        }
    }

    @Override
    public Optional<AuditCycle> find(String cycleId) {
        return Optional.ofNullable(mongo.findById(cycleId, AuditCycleDocument.class, COLLECTION))
                .map(d -> new AuditCycle(d.cycleId(), d.localAuthority(), d.programmeId(), d.cycleKey(), d.seed(),
                        d.eligible(), d.excluded().stream().collect(java.util.stream.Collectors.toMap(Exclusion::caseId,
                                Exclusion::reason, (a, b) -> a, java.util.LinkedHashMap::new)),
                        d.allocations(), d.runBy(), d.runAt()));
    }
}
