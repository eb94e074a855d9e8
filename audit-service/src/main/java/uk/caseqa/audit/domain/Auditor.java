package uk.caseqa.audit.domain;

import uk.caseqa.contracts.StaffRole;

/** A member of staff who may audit, and how many audits they already hold in the cycle. */
public record Auditor(String staffId, StaffRole role, String teamId, int auditsThisCycle) {
}
