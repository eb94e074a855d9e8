package uk.caseqa.concern.application;

import java.util.Optional;
import uk.caseqa.contracts.StaffRole;

/** Port: the role a member of staff holds in a council, and where they work, from the staff directory. */
public interface StaffRoles {

    Optional<StaffRole> roleOf(String staffId, String localAuthority);

    /**
     * The service and team the directory places them in (either may be unknown: null); none by default, so a
     * directory that cannot say places nobody, and a service manager then sees only the cases they are named on.
     */
    default Optional<Placement> placementOf(String staffId, String localAuthority) {
        return Optional.empty();
    }

    record Placement(String serviceId, String teamId) {
    }
}
