package uk.caseqa.audit.domain;

import uk.caseqa.contracts.StaffRole;

/** A member of staff who may audit, their team and service, and how many audits they already hold in the cycle. */
public record Auditor(String staffId, StaffRole role, String teamId, String serviceId, int auditsThisCycle) {

    public Auditor(String staffId, StaffRole role, String teamId, int auditsThisCycle) {
        this(staffId, role, teamId, null, auditsThisCycle);
    }
}
