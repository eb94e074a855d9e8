package uk.caseqa.audit.application;

import java.util.Optional;
import uk.caseqa.audit.domain.CaseRecord;

/** Port: the cases audit-service has heard of. */
public interface CaseRegistry {

    /** Records the case as of event {@code eventId}; false when that event was already applied. */
    boolean record(CaseRecord caseRecord, String eventId);

    Optional<CaseRecord> find(String caseId);
}
