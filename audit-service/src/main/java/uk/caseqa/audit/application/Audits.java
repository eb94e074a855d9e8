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

    /** The audits of a council's case (case ids are the council's own, so another council's case is not included). */
    List<Audit> findByCase(String localAuthority, String caseId);

    /** The audits made to answer a follow-up (a dip sample's, a caseload audit's) of the council. */
    List<Audit> answering(String localAuthority, String followUpId);

    /** The audits of a council, optionally of one cycle, in allocation order. */
    List<Audit> ofCouncil(String localAuthority, String cycleId);

    /** A person's work in a council: audits allocated to them still to submit, and audits with actions they own open. */
    List<Audit> workOf(String localAuthority, String staffId);

    /** When each of these cases of the council was last allocated for audit. */
    Map<String, Instant> lastAllocatedAt(String localAuthority, Collection<String> caseIds);

    /** Audits with something due by {@code now} (completion or an action). */
    List<String> withDeadlinesDueBy(Instant now);

    /** How many audits each auditor holds in a cycle. */
    Map<String, Integer> auditsPerAuditor(String cycleId);

    /** Leaves it out of {@link #withDeadlinesDueBy} until {@code until}: its deadlines failed to fire. */
    void setAsideDeadlines(String id, Instant until, String reason);
}
