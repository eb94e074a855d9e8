package uk.caseqa.audit.domain;

import java.time.Instant;
import uk.caseqa.contracts.Cohort;

/**
 * A case as built from the operational systems' events, which may arrive out of order: each aspect (cohort, who is
 * responsible, open or closed) remembers the time of the event it came from, and an older event never overwrites a
 * newer one.
 */
public record CaseState(String caseId, String localAuthority, Cohort cohort, Instant cohortAsOf,
        Responsibility responsibility, Instant responsibilityAsOf, Instant openedAt, boolean open,
        Instant statusAsOf) {

    /** Who is responsible for the case. */
    public record Responsibility(String serviceId, String teamId, String socialWorkerId, String teamManagerId,
            String serviceManagerId, String iroId) {
    }

    public static CaseState unknown(String caseId, String localAuthority) {
        return new CaseState(caseId, localAuthority, null, null, null, null, null, false, null);
    }

    public CaseState opened(Cohort newCohort, Responsibility newResponsibility, Instant at) {
        CaseState withCohort = cohortChanged(newCohort, at).responsibilityChanged(newResponsibility, at);
        boolean newer = statusAsOf == null || !at.isBefore(statusAsOf);
        Instant firstOpened = openedAt == null || at.isBefore(openedAt) ? at : openedAt;
        return new CaseState(caseId, localAuthority, withCohort.cohort, withCohort.cohortAsOf,
                withCohort.responsibility, withCohort.responsibilityAsOf, firstOpened, newer ? true : open,
                newer ? at : statusAsOf);
    }

    public CaseState cohortChanged(Cohort newCohort, Instant at) {
        if (cohortAsOf != null && at.isBefore(cohortAsOf)) {
            return this;
        }
        return new CaseState(caseId, localAuthority, newCohort, at, responsibility, responsibilityAsOf, openedAt, open,
                statusAsOf);
    }

    public CaseState responsibilityChanged(Responsibility newResponsibility, Instant at) {
        if (responsibilityAsOf != null && at.isBefore(responsibilityAsOf)) {
            return this;
        }
        return new CaseState(caseId, localAuthority, cohort, cohortAsOf, newResponsibility, at, openedAt, open,
                statusAsOf);
    }

    public CaseState closed(Instant at) {
        if (statusAsOf != null && at.isBefore(statusAsOf)) {
            return this;
        }
        return new CaseState(caseId, localAuthority, cohort, cohortAsOf, responsibility, responsibilityAsOf, openedAt,
                false, at);
    }

    /** Known enough to audit: its cohort and who is responsible. */
    public boolean known() {
        return cohort != null && responsibility != null;
    }

    public CaseRecord record() {
        if (!known()) {
            throw new IllegalStateException("case " + caseId + " is not fully known yet");
        }
        return new CaseRecord(caseId, localAuthority, cohort, responsibility.serviceId(), responsibility.teamId(),
                responsibility.socialWorkerId(), responsibility.teamManagerId(), responsibility.serviceManagerId(),
                responsibility.iroId());
    }
}
