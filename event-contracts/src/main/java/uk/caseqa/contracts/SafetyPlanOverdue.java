package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/** No safety plan by its deadline: escalated to the next level of the council's chain ({@code escalateTo}). */
public record SafetyPlanOverdue(String caseOfConcernId, String auditId, String caseId, String serviceManagerId,
        Instant dueBy, int escalationLevel, List<StaffRole> escalateTo) implements EventPayload {
    public SafetyPlanOverdue {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.present(dueBy, "data.dueBy");
        escalateTo = List.copyOf(Require.present(escalateTo, "data.escalateTo"));
    }
}
