package uk.caseqa.concern.application;

import java.time.Clock;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.concern.domain.FollowUp;

/**
 * Use case: the service manager records the plan that keeps the child safe. So may anyone the profile escalates to
 * (a head of service when the service manager is away); the plan is attributed to whoever recorded it.
 */
@Service
public class RecordingSafetyPlans {

    private final FollowUps followUps;
    private final ConcernProfiles profiles;
    private final StaffRoles staff;
    private final FollowUpEvents events;
    private final Clock clock;

    RecordingSafetyPlans(FollowUps followUps, ConcernProfiles profiles, StaffRoles staff, FollowUpEvents events,
            Clock clock) {
        this.followUps = followUps;
        this.profiles = profiles;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    public FollowUp record(String caseOfConcernId, String by, String decision) {
        FollowUp caseOfConcern = followUps.find(caseOfConcernId)
                .orElseThrow(() -> new NoSuchElementException("no case of concern " + caseOfConcernId));
        boolean serviceManager = by.equals(caseOfConcern.facts().serviceManagerId());
        boolean upTheChain = staff.roleOf(by, caseOfConcern.facts().localAuthority())
                .filter(profiles.byId(caseOfConcern.profileId()).caseOfConcern().escalationChain()::contains)
                .isPresent();
        if (!serviceManager && !upTheChain) {
            throw new SecurityException(by + " is neither the case's service manager nor on the escalation chain");
        }
        caseOfConcern.recordSafetyPlan(by, decision, clock.instant());
        followUps.update(caseOfConcern, events.of(caseOfConcern));
        return caseOfConcern;
    }
}
