package uk.caseqa.contracts;

/** A child's case was opened in a case-management system. Identifiers only: no name, no narrative. */
public record CaseOpened(String caseId, Cohort cohort, String serviceId, String teamId, String socialWorkerId,
        String teamManagerId, String serviceManagerId, String iroId) implements EventPayload {
    public CaseOpened {
        Require.text(caseId, "data.caseId");
        Require.present(cohort, "data.cohort");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(socialWorkerId, "data.socialWorkerId");
        Require.text(teamManagerId, "data.teamManagerId");
        Require.text(serviceManagerId, "data.serviceManagerId");
    }
}
