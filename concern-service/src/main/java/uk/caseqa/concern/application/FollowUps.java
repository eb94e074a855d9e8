package uk.caseqa.concern.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** Port: follow-ups (cases of concern and RI follow-ups), one of each kind per audit, saved with their events. */
public interface FollowUps {

    /** False when the audit already has a follow-up of this kind (its id derives from the audit id). */
    boolean insertIfAbsent(FollowUp followUp, List<OutboxEvent> events);

    /** Saves changes made since reading; fails if another replica changed it meanwhile. */
    void update(FollowUp followUp, List<OutboxEvent> events);

    Optional<FollowUp> find(String id);

    List<FollowUp> openCasesOfConcern(String localAuthority, String serviceId, String teamId);

    /** Ids of follow-ups with a deadline due by {@code now}. */
    List<String> withDeadlinesDueBy(Instant now);

    /** Leaves it out of {@link #withDeadlinesDueBy} until {@code until}: its deadlines failed to fire. */
    void setAsideDeadlines(String id, Instant until, String reason);
}
