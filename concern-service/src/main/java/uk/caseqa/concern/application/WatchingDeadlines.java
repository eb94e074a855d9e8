package uk.caseqa.concern.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.concern.domain.FollowUp;

/**
 * Use case: fire the deadlines that have fallen due. Every replica may look; the version check on the write lets
 * exactly one of them record a firing and its event, the others find it already done.
 */
@Service
public class WatchingDeadlines {

    private static final Logger log = LoggerFactory.getLogger(WatchingDeadlines.class);
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
        int fired = 0;
        for (String id : followUps.withDeadlinesDueBy(now)) {
            FollowUp followUp = followUps.find(id).orElse(null);
            if (followUp == null || !followUp.fireDueDeadlines(now, profiles.byId(followUp.profileId()))) {
                continue;
            }
            try {
                followUps.update(followUp, events.of(followUp));
                fired++;
            } catch (OptimisticLockingFailureException anotherReplicaWasFaster) {
                log.debug("deadline of {} handled by another replica", id);
            }
        }
        return fired;
    }
}
