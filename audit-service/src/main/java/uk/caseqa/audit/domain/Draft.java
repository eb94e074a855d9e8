package uk.caseqa.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.caseqa.contracts.Grade;

/** An audit in progress, saved to resume later: anything may still be missing. */
public record Draft(Map<String, Grade> domainGrades, Grade overallGrade, String rationale, String respondentType,
        String notObtainedReason, Boolean wantsToHearWhatChanged, List<AuditAction.Plan> actions, Instant savedAt) {
    public Draft {
        domainGrades = domainGrades == null ? Map.of() : Map.copyOf(domainGrades);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
