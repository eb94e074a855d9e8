package uk.caseqa.contracts;

/** A child's case moved to another cohort (e.g. CIN to CP). */
public record CaseCohortChanged(String caseId, Cohort cohort) implements EventPayload {
    public CaseCohortChanged {
        Require.text(caseId, "data.caseId");
        Require.present(cohort, "data.cohort");
    }
}
