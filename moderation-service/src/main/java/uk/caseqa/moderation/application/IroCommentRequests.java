package uk.caseqa.moderation.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.moderation.domain.IroCommentRequest;

/** Port: IRO / CP chair comment requests, one per audit. */
public interface IroCommentRequests {

    boolean insertIfAbsent(IroCommentRequest request, List<OutboxEvent> events);

    void update(IroCommentRequest request, List<OutboxEvent> events);

    Optional<IroCommentRequest> find(String auditId);

    /** The council's requests this IRO / CP chair has still to comment on. */
    List<IroCommentRequest> awaitingCommentBy(String localAuthority, String iroId);

    List<String> withDeadlinesDueBy(Instant now);

    /** Leaves it out of {@link #withDeadlinesDueBy} until {@code until}: its deadlines failed to fire. */
    void setAsideDeadlines(String id, Instant until, String reason);
}
