package uk.caseqa.contracts;

/** What a member of staff does; moderator pools and recipients are drawn by role. */
public enum StaffRole {
    SOCIAL_WORKER, TEAM_MANAGER, ASSISTANT_TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE,
    QA_MANAGER, QA_LEAD, IRO, CP_CHAIR, HEAD_OF_SAFEGUARDING_STANDARDS, CORPORATE_DIRECTOR,
    /** Swindon's Early Help (000 §5, 001 §4): co-ordinators and operational managers audit; the strategic lead selects. */
    EARLY_HELP_COORDINATOR, EARLY_HELP_OPERATIONAL_MANAGER, STRATEGIC_LEAD_EARLY_HELP;

    /** The QA team: who runs cycles and panels, closes audits and verifies actions. */
    public static final java.util.Set<StaffRole> QA_TEAM = java.util.Set.of(QA_MANAGER, QA_LEAD);
}
