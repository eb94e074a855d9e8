package uk.caseqa.audit.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.contracts.Cohort;

/**
 * A case's state with the time of each aspect, and the events already applied to it, under its council and case id
 * ({@link #keyOf}).
 */
record CaseDocument(@Id String key, String caseId, String localAuthority, Cohort cohort, Instant cohortAsOf,
        CaseState.Responsibility responsibility, Instant responsibilityAsOf, Instant openedAt, boolean open,
        Instant statusAsOf, boolean known, List<String> handledEventIds, Long version) {

    static CaseDocument of(CaseState s, List<String> handled, Long version) {
        return new CaseDocument(keyOf(s.localAuthority(), s.caseId()), s.caseId(), s.localAuthority(), s.cohort(), s.cohortAsOf(), s.responsibility(),
                s.responsibilityAsOf(), s.openedAt(), s.open(), s.statusAsOf(), s.known(), handled, version);
    }

    static String keyOf(String localAuthority, String caseId) {
        return localAuthority + "/" + caseId;
    }

    CaseState toDomain() {
        return new CaseState(caseId, localAuthority, cohort, cohortAsOf, responsibility, responsibilityAsOf, openedAt,
                open, statusAsOf);
    }
}
