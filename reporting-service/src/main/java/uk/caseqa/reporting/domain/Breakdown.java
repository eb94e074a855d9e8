package uk.caseqa.reporting.domain;

/** What a figure is broken down by, within one council. */
public enum Breakdown {
    COUNCIL, SERVICE, TEAM, COHORT, AUDITOR
}
