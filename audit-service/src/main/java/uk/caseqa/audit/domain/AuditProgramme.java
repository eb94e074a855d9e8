package uk.caseqa.audit.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.StaffRole;

/**
 * One council's monthly (or 6-weekly) case-file audit programme, as data ({@code caseqa.audit.programmes}): the
 * cycle, how many cases, which cohorts in which cycle, who is eligible, who may audit whom, how many audits an
 * auditor takes in a cycle, the deadlines set at allocation, and whether family feedback is required.
 */
public record AuditProgramme(String id, String localAuthority, LocalDate effectiveFrom, String source, Cycle cycle,
        int sampleSize, List<List<Cohort>> cohortRotation, Map<Cohort, Integer> minimumOpenMonths,
        int notAuditedWithinMonths, AuditorRule auditorRule, List<StaffRole> auditorRoles, int maxAuditsPerAuditor,
        int completionDays, int moderationDays, boolean requireFamilyFeedback) {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** How often cases are selected. */
    public enum Cycle { MONTHLY, SIX_WEEKLY }

    /** Whose cases an auditor may audit, besides never their own. */
    public enum AuditorRule {
        /** Anyone eligible. */
        ANY,
        /** A manager of the case's own team, alongside the worker (most councils). */
        OWN_TEAM,
        /** A peer from another team (Wandsworth, 004 ¶29). */
        OTHER_TEAM
    }

    public AuditProgramme {
        if (id == null || localAuthority == null || effectiveFrom == null || cycle == null || sampleSize <= 0) {
            throw new IllegalArgumentException("a programme needs an id, a council, effectiveFrom, a cycle and a sample size");
        }
        cohortRotation = cohortRotation == null || cohortRotation.isEmpty()
                ? List.of(List.of(Cohort.values())) : cohortRotation.stream().map(List::copyOf).toList();
        minimumOpenMonths = minimumOpenMonths == null ? Map.of() : Map.copyOf(minimumOpenMonths);
        auditorRule = auditorRule == null ? AuditorRule.ANY : auditorRule;
        auditorRoles = auditorRoles == null || auditorRoles.isEmpty()
                ? List.of(StaffRole.TEAM_MANAGER, StaffRole.ASSISTANT_TEAM_MANAGER) : List.copyOf(auditorRoles);
        maxAuditsPerAuditor = maxAuditsPerAuditor <= 0 ? Integer.MAX_VALUE : maxAuditsPerAuditor;
        completionDays = completionDays <= 0 ? 14 : completionDays;
        moderationDays = moderationDays <= 0 ? 7 : moderationDays;
    }

    /** The cycle a day falls in: {@code 2026-11} monthly, {@code 6w-2026-08} (the eighth six-week cycle) otherwise. */
    public String cycleOf(LocalDate day) {
        if (cycle == Cycle.MONTHLY) {
            return day.getYear() + "-" + String.format("%02d", day.getMonthValue());
        }
        long weeks = ChronoUnit.WEEKS.between(LocalDate.of(day.getYear(), 1, 1), day);
        return "6w-" + day.getYear() + "-" + String.format("%02d", weeks / 6 + 1);
    }

    /** Which cohorts this cycle samples: the rotation, by the cycle's number in the year. */
    public List<Cohort> cohortsOf(String cycleKey) {
        int number = Integer.parseInt(cycleKey.substring(cycleKey.lastIndexOf('-') + 1));
        return cohortRotation.get((number - 1) % cohortRotation.size());
    }
}
