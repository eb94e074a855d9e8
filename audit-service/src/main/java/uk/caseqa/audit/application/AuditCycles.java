package uk.caseqa.audit.application;

import java.util.Optional;
import uk.caseqa.audit.domain.AuditCycle;

/** Port: the record of each cycle's selection, one per council and cycle. */
public interface AuditCycles {

    boolean insertIfAbsent(AuditCycle cycle);

    Optional<AuditCycle> find(String cycleId);
}
