package uk.caseqa.audit.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.contracts.CaseClosed;
import uk.caseqa.contracts.CaseCohortChanged;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.CaseResponsibilityChanged;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;

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

    /**
     * A batch of the case systems' events, applied in order in one write; returns the ids of those applied now. An
     * event of another type is left out (and logged by the caller).
     */
    public Set<String> recordAll(List<? extends EventEnvelope<? extends EventPayload>> events) {
        List<CaseRegistry.Change> changes = new ArrayList<>();
        for (EventEnvelope<? extends EventPayload> event : events) {
            CaseRegistry.Change change = changeOf(event);
            if (change != null) {
                changes.add(change);
            }
        }
        return cases.applyAll(changes);
    }

    public boolean caseOpened(EventEnvelope<CaseOpened> event) {
        return !recordAll(List.of(event)).isEmpty();
    }

    public boolean cohortChanged(EventEnvelope<CaseCohortChanged> event) {
        return !recordAll(List.of(event)).isEmpty();
    }

    public boolean responsibilityChanged(EventEnvelope<CaseResponsibilityChanged> event) {
        return !recordAll(List.of(event)).isEmpty();
    }

    public boolean caseClosed(EventEnvelope<CaseClosed> event) {
        return !recordAll(List.of(event)).isEmpty();
    }

    private static CaseRegistry.Change changeOf(EventEnvelope<? extends EventPayload> event) {
        String la = event.localAuthority();
        if (event.data() instanceof CaseOpened c) {
            return new CaseRegistry.Change(c.caseId(), la, event.id(), state -> state.opened(c.cohort(),
                    responsibility(c.serviceId(), c.teamId(), c.socialWorkerId(), c.teamManagerId(),
                            c.serviceManagerId(), c.iroId()), event.time()));
        } else if (event.data() instanceof CaseCohortChanged c) {
            return new CaseRegistry.Change(c.caseId(), la, event.id(),
                    state -> state.cohortChanged(c.cohort(), event.time()));
        } else if (event.data() instanceof CaseResponsibilityChanged c) {
            return new CaseRegistry.Change(c.caseId(), la, event.id(), state -> state.responsibilityChanged(
                    responsibility(c.serviceId(), c.teamId(), c.socialWorkerId(), c.teamManagerId(),
                            c.serviceManagerId(), c.iroId()), event.time()));
        } else if (event.data() instanceof CaseClosed c) {
            return new CaseRegistry.Change(c.caseId(), la, event.id(), state -> state.closed(event.time()));
        }
        return null;
    }

    private static CaseState.Responsibility responsibility(String serviceId, String teamId, String socialWorkerId,
            String teamManagerId, String serviceManagerId, String iroId) {
        return new CaseState.Responsibility(serviceId, teamId, socialWorkerId, teamManagerId, serviceManagerId, iroId);
    }
}
