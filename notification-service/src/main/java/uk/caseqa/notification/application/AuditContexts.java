package uk.caseqa.notification.application;

import java.util.Optional;
import uk.caseqa.notification.domain.AuditContext;

/** Port: who is around each audit, as far as the events have told us. */
public interface AuditContexts {

    /** Adds what the event tells (non-null fields only); safe to repeat. */
    void remember(AuditContext learnt);

    Optional<AuditContext> find(String localAuthority, String auditId);

    /** Keeps who is responsible for a case (a later event about the case replaces what it names). */
    void rememberCase(AuditContext ofCase);

    Optional<AuditContext> findCase(String localAuthority, String caseId);
}
