package uk.caseqa.concern.application;

import java.time.Clock;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.ConcernProfile;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.concern.domain.FollowUp;

/**
 * Use case: Swindon's triple lock (000 §5). A QA panel of managers reviews every Inadequate Early Help audit's case of
 * concern: the findings, the plan for the team manager's improvement actions, and the progress; a concern goes to the
 * Corporate Director and the Closing the Loop Steering Group.
 */
@Service
public class ReviewingEarlyHelpConcerns {

    private final FollowUps followUps;
    private final ConcernProfiles profiles;
    private final StaffRoles staff;
    private final FollowUpEvents events;
    private final Clock clock;

    ReviewingEarlyHelpConcerns(FollowUps followUps, ConcernProfiles profiles, StaffRoles staff, FollowUpEvents events,
            Clock clock) {
        this.followUps = followUps;
        this.profiles = profiles;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    public FollowUp review(String caseOfConcernId, String by, boolean concerns) {
        FollowUp caseOfConcern = followUps.find(caseOfConcernId)
                .orElseThrow(() -> new NoSuchElementException("no case of concern " + caseOfConcernId));
        ConcernProfile profile = profiles.byId(caseOfConcern.profileId());
        if (staff.roleOf(by, caseOfConcern.facts().localAuthority())
                .filter(profile.earlyHelp().reviewBy()::contains).isEmpty()) {
            throw new SecurityException(by + " does not sit on the Early Help QA panel (" + profile.earlyHelp().reviewBy()
                    + ")");
        }
        caseOfConcern.reviewedByEarlyHelpPanel(by, concerns, profile, clock.instant());
        followUps.update(caseOfConcern, events.of(caseOfConcern));
        return caseOfConcern;
    }
}
