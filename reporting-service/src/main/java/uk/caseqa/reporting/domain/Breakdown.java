package uk.caseqa.reporting.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a figure is broken down by, within one council, and the periods it is counted for: a cohort's or an
 * auditor's handful of audits in a week or a 6-week cycle says nothing a board could act on, so those are counted
 * by month, quarter, half-year and year only.
 */
public enum Breakdown {
    COUNCIL(EnumSet.allOf(Period.Type.class)),
    SERVICE(EnumSet.allOf(Period.Type.class)),
    TEAM(EnumSet.allOf(Period.Type.class)),
    COHORT(EnumSet.of(Period.Type.MONTH, Period.Type.QUARTER, Period.Type.HALF_YEAR, Period.Type.YEAR)),
    AUDITOR(EnumSet.of(Period.Type.MONTH, Period.Type.QUARTER, Period.Type.HALF_YEAR, Period.Type.YEAR));

    private final Set<Period.Type> periodTypes;

    Breakdown(Set<Period.Type> periodTypes) {
        this.periodTypes = periodTypes;
    }

    public boolean countedFor(Period.Type type) {
        return periodTypes.contains(type);
    }
}
