package uk.caseqa.contracts;

/** The open cohorts a child's case can be in. */
public enum Cohort {
    EARLY_HELP, CIN, CP, CLA, CARE_LEAVER
}
