package uk.caseqa.audit.application;

import java.util.List;
import java.util.Optional;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** Port: audits, saved together with the events they raised in one document write. */
public interface Audits {

    void save(Audit audit, List<OutboxEvent> events);

    Optional<Audit> find(String auditId);

    List<Audit> findByCase(String caseId);
}
