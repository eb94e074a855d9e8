package uk.caseqa.audit.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.Cohort;

record CaseDocument(@Id String caseId, String localAuthority, Cohort cohort, String serviceId, String teamId,
        String socialWorkerId, String teamManagerId, String serviceManagerId, String iroId) {

    CaseRecord toDomain() {
        return new CaseRecord(caseId, localAuthority, cohort, serviceId, teamId, socialWorkerId, teamManagerId,
                serviceManagerId, iroId);
    }
}
