package uk.caseqa.concern.application;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.messaging.outbox.DueDeadlines;

/**
 * Use case: fire the deadlines that have fallen due. Every replica may look; the version check on the write lets
 * exactly one of them record a firing and its event, the others find it already done. A follow-up whose deadlines
 * cannot be fired (its profile is no longer configured) is set aside with the reason; the others still fire.
 */
@Service
public class WatchingDeadlines {

    private final FollowUps followUps;
    private final ConcernProfiles profiles;
    private final FollowUpEvents events;
    private final Clock clock;

    WatchingDeadlines(FollowUps followUps, ConcernProfiles profiles, FollowUpEvents events, Clock clock) {
        this.followUps = followUps;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many follow-ups had deadlines fired by this replica. */
    public int fireDue() {
        Instant now = clock.instant();
        return DueDeadlines.fireEach("follow-up", followUps.withDeadlinesDueBy(now), now, id -> {
            FollowUp followUp = followUps.find(id).orElse(null);
            if (followUp == null || !followUp.fireDueDeadlines(now, profiles.byId(followUp.profileId()))) {
                return false;
            }
            followUps.update(followUp, events.of(followUp));
            return true;
        }, followUps::setAsideDeadlines);
    }
}
