package uk.caseqa.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of one cycle's selection: the programme, the seed and the eligible population (with the reason each
 * other case was left out), and each chosen case with its audit and auditor. Kept so anyone can redo the draw.
 */
public record AuditCycle(String cycleId, String localAuthority, String programmeId, String cycleKey, long seed,
        List<String> eligible, Map<String, String> excluded, List<Allocated> allocations, String runBy,
        Instant runAt) {

    /** A chosen case; {@code auditId} null where no auditor could be found ({@code reason} says why). */
    public record Allocated(String caseId, String teamId, String auditId, String auditorId, String reason) {
    }

    public static String idFor(String localAuthority, String cycleKey) {
        return localAuthority + ":" + cycleKey;
    }
}
