package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The auditor submitted the audit: domain grades, an overall grade; the rationale stays in audit-service.
 * Optional since schema 1: {@code auditType} (FULL when absent; SHORT, DIP_SAMPLE, ...) and {@code followUpId}, the
 * case of concern or follow-up a short audit or dip sample answers; {@code cohort}, the case's cohort when audited;
 * {@code familyFeedbackNotObtained}, why no family feedback was obtained (a category, never the words); and
 * {@code actions}, the actions the audit ended with (identifiers, owners and due dates, never what they say);
 * {@code moderationDueBy}, the moderation deadline given at allocation (002 §7.1, 000 Appendix 1).
 */
public record AuditCompleted(String auditId, String caseId, String serviceId, String teamId, String auditorId,
        String socialWorkerId, String serviceManagerId, Grade overallGrade, Map<String, Grade> domainGrades,
        boolean familyFeedbackObtained, Instant completedAt, AuditType auditType, String followUpId, Cohort cohort,
        FeedbackNotObtained familyFeedbackNotObtained, List<AgreedAction> actions, Instant moderationDueBy)
        implements EventPayload {

    /** An action agreed at the audit: whose, due when, immediate or not. */
    public record AgreedAction(String actionId, String ownerId, Instant dueBy, boolean immediate) {
        public AgreedAction {
            Require.text(actionId, "data.actions[].actionId");
            Require.text(ownerId, "data.actions[].ownerId");
            Require.present(dueBy, "data.actions[].dueBy");
        }
    }

    /** Schema 1 as first published, without cohort, feedback reason or actions. */
    public AuditCompleted(String auditId, String caseId, String serviceId, String teamId, String auditorId,
            String socialWorkerId, String serviceManagerId, Grade overallGrade, Map<String, Grade> domainGrades,
            boolean familyFeedbackObtained, Instant completedAt, AuditType auditType, String followUpId) {
        this(auditId, caseId, serviceId, teamId, auditorId, socialWorkerId, serviceManagerId, overallGrade,
                domainGrades, familyFeedbackObtained, completedAt, auditType, followUpId, null, null, null, null);
    }

    public AuditCompleted {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(auditorId, "data.auditorId");
        Require.text(socialWorkerId, "data.socialWorkerId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.present(overallGrade, "data.overallGrade");
        domainGrades = Require.copyOf(domainGrades, "data.domainGrades");
        Require.present(completedAt, "data.completedAt");
        auditType = AuditType.orFull(auditType);
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (familyFeedbackObtained) {
            familyFeedbackNotObtained = null;
        }
    }

    /** The practice domains graded below Good: what a follow-up looks for again. */
    public java.util.List<String> domainsBelowGood() {
        return domainGrades.entrySet().stream().filter(e -> !e.getValue().isAtLeastGood()).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
