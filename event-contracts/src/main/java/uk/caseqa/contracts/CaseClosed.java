package uk.caseqa.contracts;

/** A child's case was closed in the case-management system. */
public record CaseClosed(String caseId) implements EventPayload {
    public CaseClosed {
        Require.text(caseId, "data.caseId");
    }
}
