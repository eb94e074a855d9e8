package uk.caseqa.audit.domain;

import uk.caseqa.contracts.Cohort;

/** What audit-service knows of a child's case: identifiers of the case, its cohort and the people around it. */
public record CaseRecord(String caseId, String localAuthority, Cohort cohort, String serviceId, String teamId,
        String socialWorkerId, String teamManagerId, String serviceManagerId, String iroId) {
}
