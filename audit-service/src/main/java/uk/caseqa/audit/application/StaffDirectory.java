package uk.caseqa.audit.application;

import java.util.Optional;
import uk.caseqa.audit.domain.StaffMember;

/** Port: the staff audit-service has heard of. */
public interface StaffDirectory {

    boolean record(StaffMember member, String eventId);

    Optional<StaffMember> find(String staffId);
}
