package uk.caseqa.audit.adapter.out.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.Cohort;

record CaseDocument(@Id String caseId, String localAuthority, Cohort cohort, String serviceId, String teamId,
        String socialWorkerId, String teamManagerId, String serviceManagerId, String iroId, Instant openedAt,
        Boolean open) {

    CaseRecord toDomain() {
        return new CaseRecord(caseId, localAuthority, cohort, serviceId, teamId, socialWorkerId, teamManagerId,
                serviceManagerId, iroId);
    }
}
