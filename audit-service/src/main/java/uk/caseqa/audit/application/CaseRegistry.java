package uk.caseqa.audit.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.RegisteredCase;

/** Port: the cases audit-service has heard of. */
public interface CaseRegistry {

    /** Records the case as of event {@code eventId}; false when that event was already applied. */
    boolean record(CaseRecord caseRecord, Instant openedAt, String eventId);

    Optional<CaseRecord> find(String caseId);

    List<RegisteredCase> openCases(String localAuthority);
}
