package uk.caseqa.moderation.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.moderation.domain.Moderation;

/** Port: moderations, one per audit, saved with the events they raised in one document write. */
public interface Moderations {

    /** Saves a new moderation; false when the audit already has one (a redelivered AuditCompleted). */
    boolean insertIfAbsent(Moderation moderation, List<OutboxEvent> events);

    /** Saves changes since reading; fails if another replica changed it meanwhile. */
    void update(Moderation moderation, List<OutboxEvent> events);

    Optional<Moderation> find(String auditId);

    /** The council's moderations waiting for this moderator's decision (staff ids are each council's own). */
    List<Moderation> awaitingDecisionBy(String localAuthority, String moderatorId);

    /** Audits of a council waiting for the QA panel, oldest first. */
    List<Moderation> awaitingPanel(String localAuthority);

    /** Open moderations per moderator, for balancing the load. */
    Map<String, Long> openCounts(String localAuthority, Collection<String> moderatorIds);

    List<String> withDeadlinesDueBy(Instant now);

    /** Leaves it out of {@link #withDeadlinesDueBy} until {@code until}: its deadlines failed to fire. */
    void setAsideDeadlines(String id, Instant until, String reason);
}
