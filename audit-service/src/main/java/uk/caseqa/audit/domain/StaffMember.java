package uk.caseqa.audit.domain;

import uk.caseqa.contracts.StaffRole;

/** A member of staff as known to audit-service. */
public record StaffMember(String staffId, String localAuthority, StaffRole role, String teamId) {
}
