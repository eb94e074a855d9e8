package uk.caseqa.messaging.security;

/**
 * What a caller may do, as the {@code roles} claim of its token names it (an Entra ID app role, a Keycloak client
 * role). A person holds roles of their council; a machine client (a case system, a dashboard) holds its own.
 */
public enum AccessRole {
    /** The QA team: allocates audits, runs cycles and panels, keeps the trackers, verifies actions. */
    QA_TEAM,
    /** Audits the cases allocated to them. */
    AUDITOR,
    /** Moderates the audits assigned to them. */
    MODERATOR,
    /** An IRO or CP chair: comments on audits of their cases. */
    IRO,
    /** Sits on a QA panel: accepts or returns the audits on it. */
    PANEL_MEMBER,
    /** Records safety plans for their own cases of concern. */
    SERVICE_MANAGER,
    /** Reflects on closed audits in supervision; completes the actions they own. */
    TEAM_MANAGER,
    /** A social worker or other practitioner: completes the actions they own, reads their own notifications. */
    PRACTITIONER,
    /** Reads the board's aggregates, packs and dashboard: never a case-level record. */
    BOARD_READER,
    /** The council's information governance: reads the attribution log. */
    INFORMATION_GOVERNANCE,
    /** Runs the services: reads actuator details, dead letters and delivery status. */
    OPS;

    /** Everyone who works on cases and may read a case-level record of their council. */
    public static final AccessRole[] CASEWORK = {QA_TEAM, AUDITOR, MODERATOR, IRO, PANEL_MEMBER, SERVICE_MANAGER,
            TEAM_MANAGER, PRACTITIONER};

    public String authority() {
        return "ROLE_" + name();
    }
}
