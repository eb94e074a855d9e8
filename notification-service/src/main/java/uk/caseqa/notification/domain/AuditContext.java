package uk.caseqa.notification.domain;

/**
 * Who is around an audit, as the audit and moderation events told us: kept so that a later event that names only
 * the audit (an overdue audit, a panel outcome, a closure) reaches the right people. Identifiers only.
 */
public record AuditContext(String localAuthority, String auditId, String caseId, String auditorId, String iroId,
        String serviceId, String teamId, String socialWorkerId, String serviceManagerId, String moderatorId,
        String teamManagerId) {

    public static AuditContext unknown(String localAuthority, String auditId) {
        return new AuditContext(localAuthority, auditId, null, null, null, null, null, null, null, null, null);
    }

    /** Who is responsible for a case, from the case-management system's events (no audit). */
    public static AuditContext ofCase(String localAuthority, String caseId, String serviceId, String teamId,
            String socialWorkerId, String teamManagerId, String serviceManagerId, String iroId) {
        return new AuditContext(localAuthority, null, caseId, null, iroId, serviceId, teamId, socialWorkerId,
                serviceManagerId, null, teamManagerId);
    }

    /** This audit's context, with what it does not know yet taken from its case's. */
    public AuditContext orFromCase(AuditContext ofCase) {
        return new AuditContext(localAuthority, auditId, or(caseId, ofCase.caseId), auditorId, or(iroId, ofCase.iroId),
                or(serviceId, ofCase.serviceId), or(teamId, ofCase.teamId), or(socialWorkerId, ofCase.socialWorkerId),
                or(serviceManagerId, ofCase.serviceManagerId), moderatorId, or(teamManagerId, ofCase.teamManagerId));
    }

    private static String or(String known, String fallback) {
        return known != null ? known : fallback;
    }
}
