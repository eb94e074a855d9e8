package uk.caseqa.audit.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** Port: audits, saved together with the events they raised in one document write. */
public interface Audits {

    void save(Audit audit, List<OutboxEvent> events);

    /** Saves a new audit with a derived id; false when it exists (a retried cycle run). */
    boolean insertIfAbsent(Audit audit, List<OutboxEvent> events);

    Optional<Audit> find(String auditId);

    List<Audit> findByCase(String caseId);

    /** The audits of a council, optionally of one cycle, in allocation order. */
    List<Audit> ofCouncil(String localAuthority, String cycleId);

    /** When each of these cases was last allocated for audit. */
    Map<String, Instant> lastAllocatedAt(Collection<String> caseIds);

    /** Audits with something due by {@code now} (completion or an action). */
    List<String> withDeadlinesDueBy(Instant now);

    /** How many audits each auditor holds in a cycle. */
    Map<String, Integer> auditsPerAuditor(String cycleId);
}
