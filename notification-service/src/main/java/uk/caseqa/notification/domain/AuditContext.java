package uk.caseqa.notification.domain;

/**
 * Who is around an audit, as the audit and moderation events told us: kept so that a later event that names only
 * the audit (an overdue audit, a panel outcome, a closure) reaches the right people. Identifiers only.
 */
public record AuditContext(String localAuthority, String auditId, String caseId, String auditorId, String iroId,
        String serviceId, String teamId, String socialWorkerId, String serviceManagerId, String moderatorId) {

    public static AuditContext unknown(String localAuthority, String auditId) {
        return new AuditContext(localAuthority, auditId, null, null, null, null, null, null, null, null);
    }
}
