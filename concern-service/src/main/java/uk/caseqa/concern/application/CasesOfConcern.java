package uk.caseqa.concern.application;

import java.util.List;
import java.util.Optional;
import uk.caseqa.concern.domain.CaseOfConcern;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** Port: cases of concern, keyed by their audit (a unique id), saved with their events in one write. */
public interface CasesOfConcern {

    /** False when the audit already has a case of concern. */
    boolean insertIfAbsent(CaseOfConcern caseOfConcern, List<OutboxEvent> events);

    Optional<CaseOfConcern> find(String caseOfConcernId);

    List<CaseOfConcern> open(String localAuthority, String serviceId, String teamId);
}
