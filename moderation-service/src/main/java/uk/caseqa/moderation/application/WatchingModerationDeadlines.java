package uk.caseqa.moderation.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import uk.caseqa.moderation.domain.IroCommentRequest;
import uk.caseqa.moderation.domain.Moderation;

/**
 * Use case: fire moderation, panel-close and IRO-comment deadlines that have fallen due. Any replica may look; the
 * version-checked write lets exactly one record each firing and its event.
 */
@Service
public class WatchingModerationDeadlines {

    private static final Logger log = LoggerFactory.getLogger(WatchingModerationDeadlines.class);
    private final Moderations moderations;
    private final IroCommentRequests iroRequests;
    private final ModerationEvents events;
    private final Clock clock;

    WatchingModerationDeadlines(Moderations moderations, IroCommentRequests iroRequests, ModerationEvents events,
            Clock clock) {
        this.moderations = moderations;
        this.iroRequests = iroRequests;
        this.events = events;
        this.clock = clock;
    }

    public int fireDue() {
        Instant now = clock.instant();
        int fired = 0;
        for (String auditId : moderations.withDeadlinesDueBy(now)) {
            Moderation moderation = moderations.find(auditId).orElse(null);
            if (moderation != null && moderation.fireDueDeadlines(now) && saved(() -> moderations.update(moderation,
                    events.of(auditId, moderation.audit().localAuthority(), moderation.raised())), auditId)) {
                fired++;
            }
        }
        for (String auditId : iroRequests.withDeadlinesDueBy(now)) {
            IroCommentRequest request = iroRequests.find(auditId).orElse(null);
            if (request != null && request.fireIfDue(now) && saved(() -> iroRequests.update(request,
                    events.of(auditId, request.localAuthority(), request.raised())), auditId)) {
                fired++;
            }
        }
        return fired;
    }

    private static boolean saved(Runnable write, String auditId) {
        try {
            write.run();
            return true;
        } catch (OptimisticLockingFailureException anotherReplicaWasFaster) {
            log.debug("deadline of {} handled by another replica", auditId);
            return false;
        }
    }
}
