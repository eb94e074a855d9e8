package uk.caseqa.audit.application;

import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.contracts.CaseClosed;
import uk.caseqa.contracts.CaseCohortChanged;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.CaseResponsibilityChanged;
import uk.caseqa.contracts.EventEnvelope;

/**
 * Use case: keep the case registry (the staff directory is kept by the shared staff consumer) from the operational systems' events. Redeliveries change nothing;
 * events arriving out of order never let an older fact overwrite a newer one.
 */
@Service
public class RecordingTheRegistry {

    private final CaseRegistry cases;

    public RecordingTheRegistry(CaseRegistry cases) {
        this.cases = cases;
    }

    public boolean caseOpened(EventEnvelope<CaseOpened> event) {
        CaseOpened c = event.data();
        return cases.apply(c.caseId(), event.localAuthority(), event.id(), state -> state.opened(c.cohort(),
                new CaseState.Responsibility(c.serviceId(), c.teamId(), c.socialWorkerId(), c.teamManagerId(),
                        c.serviceManagerId(), c.iroId()), event.time()));
    }

    public boolean cohortChanged(EventEnvelope<CaseCohortChanged> event) {
        return cases.apply(event.data().caseId(), event.localAuthority(), event.id(),
                state -> state.cohortChanged(event.data().cohort(), event.time()));
    }

    public boolean responsibilityChanged(EventEnvelope<CaseResponsibilityChanged> event) {
        CaseResponsibilityChanged c = event.data();
        return cases.apply(c.caseId(), event.localAuthority(), event.id(), state -> state.responsibilityChanged(
                new CaseState.Responsibility(c.serviceId(), c.teamId(), c.socialWorkerId(), c.teamManagerId(),
                        c.serviceManagerId(), c.iroId()), event.time()));
    }

    public boolean caseClosed(EventEnvelope<CaseClosed> event) {
        return cases.apply(event.data().caseId(), event.localAuthority(), event.id(),
                state -> state.closed(event.time()));
    }
}
