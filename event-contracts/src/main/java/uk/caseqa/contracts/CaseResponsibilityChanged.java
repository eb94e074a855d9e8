package uk.caseqa.contracts;

/** Who is responsible for a case changed: the full current picture of service, team, worker, managers and IRO. */
public record CaseResponsibilityChanged(String caseId, String serviceId, String teamId, String socialWorkerId,
        String teamManagerId, String serviceManagerId, String iroId) implements EventPayload {
    public CaseResponsibilityChanged {
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(socialWorkerId, "data.socialWorkerId");
        Require.text(teamManagerId, "data.teamManagerId");
        Require.text(serviceManagerId, "data.serviceManagerId");
    }
}
