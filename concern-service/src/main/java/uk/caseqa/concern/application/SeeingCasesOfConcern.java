package uk.caseqa.concern.application;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.FollowUp;

/**
 * Use case: who sees which case of concern within their council. Those who audit, moderate, chair or sit on a panel
 * see the council's; a service manager sees their own service's (as the staff directory places them) and any they
 * are named on; a team manager their own team's; whoever the case's profile escalates its safety plan to (a head of
 * service) sees it too, as they may have to record the plan. Anything else is not found.
 */
@Service
public class SeeingCasesOfConcern {

    private final StaffRoles staff;
    private final uk.caseqa.concern.domain.ConcernProfiles profiles;

    SeeingCasesOfConcern(StaffRoles staff, uk.caseqa.concern.domain.ConcernProfiles profiles) {
        this.staff = staff;
        this.profiles = profiles;
    }

    /** Who is asking: their council and staff id, whether their role is council-wide, by service or by team. */
    public record Reader(String council, String staffId, boolean councilWide, boolean byService, boolean byTeam) {
    }

    public Predicate<FollowUp> visibleTo(Reader reader) {
        if (reader.councilWide()) {
            return f -> f.facts().localAuthority().equals(reader.council());
        }
        Optional<StaffRoles.Placement> placement = staff.placementOf(reader.staffId(), reader.council());
        Optional<uk.caseqa.contracts.StaffRole> role = staff.roleOf(reader.staffId(), reader.council());
        String service = reader.byService() ? placement.map(StaffRoles.Placement::serviceId).orElse(null) : null;
        String team = reader.byTeam() ? placement.map(StaffRoles.Placement::teamId).orElse(null) : null;
        return f -> f.facts().localAuthority().equals(reader.council())
                && (reader.staffId().equals(f.facts().serviceManagerId())
                        || (service != null && Objects.equals(service, f.facts().serviceId()))
                        || (team != null && Objects.equals(team, f.facts().teamId()))
                        || role.filter(r -> profiles.byId(f.profileId()).caseOfConcern().escalationChain().contains(r))
                                .isPresent());
    }
}
