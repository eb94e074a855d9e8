package uk.caseqa.reporting.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import uk.caseqa.reporting.domain.AuditRecord;
import uk.caseqa.reporting.domain.ConcernRecord;
import uk.caseqa.reporting.domain.FollowUpRecord;

/** Board records in memory, for tests of the counting that do not need the store. */
public class InMemoryBoardRecords implements BoardRecords {

    private final Map<String, AuditRecord> audits = new TreeMap<>();
    private final Map<String, ConcernRecord> concerns = new TreeMap<>();
    private final Map<String, FollowUpRecord> followUps = new TreeMap<>();
    private final Map<String, TreeSet<Instant>> dirty = new TreeMap<>();

    /** Projects events through the real use case into a fresh store. */
    public static InMemoryBoardRecords of(Iterable<uk.caseqa.contracts.EventEnvelope<uk.caseqa.contracts.EventPayload>> events) {
        InMemoryBoardRecords records = new InMemoryBoardRecords();
        ProjectingEvents projecting = new ProjectingEvents(records);
        events.forEach(projecting::project);
        return records;
    }

    @Override
    public synchronized void changeAll(List<Change> changes) {
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

    public synchronized void changeAudit(String la, String id, UnaryOperator<AuditRecord> change, boolean recount) {
        AuditRecord before = audits.getOrDefault(la + "|" + id, AuditRecord.of(la, id));
        AuditRecord after = change.apply(before);
        audits.put(la + "|" + id, after);
        mark(la + "|" + id, before.periodDates(), after.periodDates());
    }

    public synchronized void changeConcern(String la, String id, UnaryOperator<ConcernRecord> change, boolean recount) {
        ConcernRecord before = concerns.getOrDefault(la + "|" + id, ConcernRecord.of(la, id));
        ConcernRecord after = change.apply(before);
        concerns.put(la + "|" + id, after);
        mark(la + "|" + id, before.periodDates(), after.periodDates());
    }

    public synchronized void changeFollowUp(String la, String id, UnaryOperator<FollowUpRecord> change) {
        FollowUpRecord before = followUps.getOrDefault(la + "|" + id, FollowUpRecord.of(la, id));
        FollowUpRecord after = change.apply(before);
        followUps.put(la + "|" + id, after);
        mark(la + "|" + id, before.periodDates(), after.periodDates());
    }

    private void mark(String id, List<Instant> before, List<Instant> after) {
        TreeSet<Instant> dates = dirty.computeIfAbsent(id, k -> new TreeSet<>());
        dates.addAll(before);
        dates.addAll(after);
    }

    @Override
    public synchronized List<Dirty> dirty(int limit) {
        List<Dirty> found = new ArrayList<>();
        dirty.forEach((id, dates) -> found.add(new Dirty(id, id.substring(0, id.indexOf('|')), List.copyOf(dates), 0)));
        return found.subList(0, Math.min(limit, found.size()));
    }

    @Override
    public synchronized void counted(Dirty d) {
        dirty.remove(d.documentId());
    }

    @Override
    public synchronized CouncilRecords load(String la) {
        return new CouncilRecords(
                audits.values().stream().filter(r -> r.localAuthority().equals(la)).toList(),
                concerns.values().stream().filter(r -> r.localAuthority().equals(la)).toList(),
                followUps.values().stream().filter(r -> r.localAuthority().equals(la)).toList());
    }

    @Override
    public synchronized void deleteAll() {
        audits.clear();
        concerns.clear();
        followUps.clear();
        dirty.clear();
    }
}
