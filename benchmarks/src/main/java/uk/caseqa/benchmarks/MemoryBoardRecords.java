package uk.caseqa.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import uk.caseqa.reporting.application.BoardRecords;
import uk.caseqa.reporting.domain.AuditRecord;
import uk.caseqa.reporting.domain.ConcernRecord;
import uk.caseqa.reporting.domain.FollowUpRecord;

/** One council's board records in memory, to count a generated national data set quickly. */
final class MemoryBoardRecords implements BoardRecords {

    private final Map<String, AuditRecord> audits = new HashMap<>();
    private final Map<String, ConcernRecord> concerns = new HashMap<>();
    private final Map<String, FollowUpRecord> followUps = new HashMap<>();

    @Override
    public void changeAll(List<Change> changes) {
        for (Change c : changes) {
            if (c instanceof AuditChange a) {
                changeAudit(a.localAuthority(), a.id(), a.change(), a.recountAnyway());
            } else if (c instanceof ConcernChange k) {
                changeConcern(k.localAuthority(), k.id(), k.change(), k.recountAnyway());
            } else if (c instanceof FollowUpChange f) {
                changeFollowUp(f.localAuthority(), f.id(), f.change());
            }
        }
    }

    void changeAudit(String la, String id, UnaryOperator<AuditRecord> change, boolean recountAnyway) {
        audits.put(id, change.apply(audits.getOrDefault(id, AuditRecord.of(la, id))));
    }

    void changeConcern(String la, String id, UnaryOperator<ConcernRecord> change, boolean recountAnyway) {
        concerns.put(id, change.apply(concerns.getOrDefault(id, ConcernRecord.of(la, id))));
    }

    void changeFollowUp(String la, String id, UnaryOperator<FollowUpRecord> change) {
        followUps.put(id, change.apply(followUps.getOrDefault(id, FollowUpRecord.of(la, id))));
    }

    @Override
    public List<Dirty> dirty(int limit) {
        return List.of();
    }

    @Override
    public void counted(Dirty dirty) {
    }

    @Override
    public CouncilRecords load(String localAuthority) {
        return new CouncilRecords(List.copyOf(audits.values()), List.copyOf(concerns.values()),
                List.copyOf(followUps.values()));
    }

    @Override
    public void deleteAll() {
        audits.clear();
        concerns.clear();
        followUps.clear();
    }
}
