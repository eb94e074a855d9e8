package uk.caseqa.audit.application;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.audit.domain.RegisteredCase;

/** Port: the cases audit-service has heard of. */
public interface CaseRegistry {

    /** Applies one case event once; false when that event was already applied. */
    boolean apply(String caseId, String localAuthority, String eventId, UnaryOperator<CaseState> change);

    /** The case, once its cohort and who is responsible are known. */
    Optional<CaseRecord> find(String caseId);

    List<RegisteredCase> openCases(String localAuthority);
}
