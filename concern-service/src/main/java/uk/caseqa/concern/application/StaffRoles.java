package uk.caseqa.concern.application;

import java.util.Optional;
import uk.caseqa.contracts.StaffRole;

/** Port: the role a member of staff holds in a council, from the staff directory. */
public interface StaffRoles {

    Optional<StaffRole> roleOf(String staffId, String localAuthority);
}
