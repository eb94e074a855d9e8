package uk.caseqa.moderation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.messaging.outbox.DueDeadlines;
import uk.caseqa.moderation.domain.IroCommentRequest;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationProfile;
import uk.caseqa.moderation.domain.ModerationProfiles;
import uk.caseqa.moderation.domain.WorkingDays;

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

    private final ModeratorPool pool;
    private final ModerationProfiles profiles;
    private final WorkingDays workingDays;

    WatchingModerationDeadlines(Moderations moderations, IroCommentRequests iroRequests, ModerationEvents events,
            Clock clock, ModeratorPool pool, ModerationProfiles profiles, WorkingDays workingDays) {
        this.pool = pool;
        this.profiles = profiles;
        this.workingDays = workingDays;
        this.moderations = moderations;
        this.iroRequests = iroRequests;
        this.events = events;
        this.clock = clock;
    }

    public int fireDue() {
        Instant now = clock.instant();
        int fired = DueDeadlines.fireEach("moderation", moderations.withDeadlinesDueBy(now), now, auditId -> {
            Moderation moderation = moderations.find(auditId).orElse(null);
            if (moderation == null || !(lookForModerator(moderation, now) | moderation.fireDueDeadlines(now))) {
                return false;
            }
            moderations.update(moderation, events.of(auditId, moderation.audit().localAuthority(),
                    moderation.raised()));
            return true;
        }, moderations::setAsideDeadlines);
        return fired + DueDeadlines.fireEach("IRO comment request", iroRequests.withDeadlinesDueBy(now), now,
                auditId -> {
                    IroCommentRequest request = iroRequests.find(auditId).orElse(null);
                    if (request == null || !request.fireIfDue(now)) {
                        return false;
                    }
                    iroRequests.update(request, events.of(auditId, request.localAuthority(), request.raised()));
                    return true;
                }, iroRequests::setAsideDeadlines);
    }

    private boolean lookForModerator(Moderation moderation, Instant now) {
        if (!moderation.moderatorSearchDue(now)) {
            return false;
        }
        try {
            ModerationProfile profile = profiles.byId(moderation.profileId());
            return moderation.lookForModerator(pool.of(moderation.audit().localAuthority(), profile), now,
                    workingDays.endOfWorkingDaysAfter(now, profile.moderationWorkingDays()));
        } catch (RuntimeException noPool) {
            // without its profile no pool can be drawn: look again later, and let the moderation deadline still fire
            log.error("no moderator pool for {} (profile {}): {}", moderation.auditId(), moderation.profileId(),
                    noPool.toString());
            return moderation.lookForModerator(List.of(), now, now);
        }
    }

}
