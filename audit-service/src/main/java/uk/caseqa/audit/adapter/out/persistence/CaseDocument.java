package uk.caseqa.audit.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.contracts.Cohort;

/** A case's state with the time of each aspect, and the events already applied to it. */
record CaseDocument(@Id String caseId, String localAuthority, Cohort cohort, Instant cohortAsOf,
        CaseState.Responsibility responsibility, Instant responsibilityAsOf, Instant openedAt, boolean open,
        Instant statusAsOf, boolean known, List<String> handledEventIds, Long version) {

    static CaseDocument of(CaseState s, List<String> handled, Long version) {
        return new CaseDocument(s.caseId(), s.localAuthority(), s.cohort(), s.cohortAsOf(), s.responsibility(),
                s.responsibilityAsOf(), s.openedAt(), s.open(), s.statusAsOf(), s.known(), handled, version);
    }

    CaseState toDomain() {
        return new CaseState(caseId, localAuthority, cohort, cohortAsOf, responsibility, responsibilityAsOf, openedAt,
                open, statusAsOf);
    }
}
