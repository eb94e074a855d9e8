package uk.caseqa.audit.application;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.audit.domain.RegisteredCase;

/**
 * Port: the cases audit-service has heard of, each under its council and case id: two councils' case systems may
 * number cases alike, and one council's event never reads or changes another's case.
 */
public interface CaseRegistry {

    /** Applies one case event once; false when that event was already applied. */
    boolean apply(String caseId, String localAuthority, String eventId, UnaryOperator<CaseState> change);

    /** One case event's change, for {@link #applyAll}. */
    record Change(String caseId, String localAuthority, String eventId, UnaryOperator<CaseState> change) {
    }

    /**
     * Applies a batch of case events in order, each once (as {@link #apply} would, one after another), in one write;
     * returns the ids of the events applied now (not those applied before).
     */
    default java.util.Set<String> applyAll(List<Change> changes) {
        java.util.Set<String> applied = new java.util.LinkedHashSet<>();
        for (Change c : changes) {
            if (apply(c.caseId(), c.localAuthority(), c.eventId(), c.change())) {
                applied.add(c.eventId());
            }
        }
        return applied;
    }

    /** The council's case, once its cohort and who is responsible are known. */
    Optional<CaseRecord> find(String localAuthority, String caseId);

    /** Every council's known case with this id (a request that names no council). */
    List<CaseRecord> findInAnyCouncil(String caseId);

    List<RegisteredCase> openCases(String localAuthority);
}
