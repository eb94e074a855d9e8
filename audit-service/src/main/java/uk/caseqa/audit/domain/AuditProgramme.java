package uk.caseqa.audit.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.StaffRole;

/**
 * One council's monthly (or 6-weekly) case-file audit programme, as data ({@code caseqa.audit.programmes}): the
 * cycle, how many cases, which cohorts in which cycle, who is eligible, who may audit whom, how many audits an
 * auditor takes in a cycle, the deadlines set at allocation, whether family feedback is required and whose other
 * feedback a full audit records (the practitioner's, a professional's, the lead agency's). With
 * {@code everyAuditorAudits} (Swindon 2024, 001 §6.1.1) every eligible auditor is given one case each cycle, nearest
 * their own work first, and the sample is as large as the auditors are many. A council runs one programme per audit
 * type ({@code auditType}: FULL, or Swindon's EARLY_HELP programme, 000 §5); {@code runBy}, where set, names the roles
 * that select a cycle (the Strategic Lead for Early Help).
 */
public record AuditProgramme(String id, String localAuthority, LocalDate effectiveFrom, String source, Cycle cycle,
        int sampleSize, List<List<Cohort>> cohortRotation, Map<Cohort, Integer> minimumOpenMonths,
        int notAuditedWithinMonths, AuditorRule auditorRule, List<StaffRole> auditorRoles, int maxAuditsPerAuditor,
        int completionDays, int moderationDays, boolean requireFamilyFeedback, LocalDate cycleStart,
        boolean everyAuditorAudits, List<OtherFeedback.Source> requiredFeedback, ManagerDipSamples managerDipSamples,
        AuditType auditType, List<StaffRole> runBy, PracticeWeekRule practiceWeek) {

    /**
     * Practice week (000 §2.4, 001 §6.3, 002 §6, 004 ¶31): {@code perYear} times a year, senior leaders in
     * {@code leaderRoles} each audit {@code auditsPerLeader} cases alongside the social worker and observe practice
     * {@code observationsPerLeader} times, within the week's {@code days}.
     */
    public record PracticeWeekRule(int perYear, List<StaffRole> leaderRoles, int auditsPerLeader,
            int observationsPerLeader, int days) {
        public PracticeWeekRule {
            if (perYear <= 0 || leaderRoles == null || leaderRoles.isEmpty() || days <= 0
                    || auditsPerLeader < 0 || observationsPerLeader < 0 || auditsPerLeader + observationsPerLeader == 0) {
                throw new IllegalArgumentException("practice-week needs per-year, leader-roles, days and audits or"
                        + " observations per leader");
            }
            leaderRoles = List.copyOf(leaderRoles);
        }
    }

    /**
     * Managers' dip samples on a theme the QA team sets (000 §2.1; 001 §6.1.2; 002 §6): each manager in {@code roles}
     * samples {@code files} case files of their team or service area, due in {@code dueDays}; where
     * {@code orPracticeObservation}, a manager may observe practice once instead (001 §6.1.2).
     */
    public record ManagerDipSamples(List<StaffRole> roles, int files, boolean orPracticeObservation, int dueDays) {
        public ManagerDipSamples {
            if (roles == null || roles.isEmpty() || files <= 0 || dueDays <= 0) {
                throw new IllegalArgumentException("manager-dip-samples needs roles, files and due-days");
            }
            roles = List.copyOf(roles);
        }
    }

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final String SIX_WEEKLY_PREFIX = "6w-";

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
        if (id == null || localAuthority == null || effectiveFrom == null || cycle == null
                || sampleSize <= 0 && !everyAuditorAudits) {
            throw new IllegalArgumentException("a programme needs an id, a council, effectiveFrom, a cycle and a sample"
                    + " size (or every-auditor-audits)");
        }
        if (everyAuditorAudits && sampleSize > 0) {
            throw new IllegalArgumentException("programme " + id + ": every-auditor-audits sizes the sample by the"
                    + " auditors; remove sample-size");
        }
        cohortRotation = cohortRotation == null || cohortRotation.isEmpty()
                ? List.of(List.of(Cohort.values())) : cohortRotation.stream().map(List::copyOf).toList();
        minimumOpenMonths = minimumOpenMonths == null ? Map.of() : Map.copyOf(minimumOpenMonths);
        requiredFeedback = requiredFeedback == null ? List.of() : List.copyOf(requiredFeedback);
        auditType = AuditType.orFull(auditType);
        runBy = runBy == null ? List.of() : List.copyOf(runBy);
        auditorRule = auditorRule == null ? AuditorRule.ANY : auditorRule;
        auditorRoles = auditorRoles == null || auditorRoles.isEmpty()
                ? List.of(StaffRole.TEAM_MANAGER, StaffRole.ASSISTANT_TEAM_MANAGER) : List.copyOf(auditorRoles);
        if (maxAuditsPerAuditor < 0 || completionDays <= 0 || moderationDays <= 0 || notAuditedWithinMonths < 0) {
            throw new IllegalArgumentException("programme " + id + ": completion-days and moderation-days must be at"
                    + " least 1, max-audits-per-auditor and not-audited-within-months not negative");
        }
        maxAuditsPerAuditor = maxAuditsPerAuditor == 0 ? Integer.MAX_VALUE : maxAuditsPerAuditor;
        cycleStart = cycleStart == null ? effectiveFrom : cycleStart;
        if (cycleStart.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("programme " + id + ": cycle-start " + cycleStart
                    + " is after effective-from " + effectiveFrom);
        }
    }

    /**
     * The cycle a day falls in: {@code 2026-11} monthly; six-weekly cycles run back to back from the council's
     * {@code cycleStart} (kept by every later version of its programme, so a new version does not restart the count),
     * across year ends, and are named by their first day: {@code 6w-2027-01-08}.
     */
    public String cycleOf(LocalDate day) {
        if (cycle == Cycle.MONTHLY) {
            return day.getYear() + "-" + String.format("%02d", day.getMonthValue());
        }
        return SIX_WEEKLY_PREFIX + cycleStart.plusWeeks(6 * sixWeekCycleNumber(day));
    }

    /** Which cohorts this cycle samples: the rotation, by the month's number in the year or the six-week cycle's. */
    public List<Cohort> cohortsOf(String cycleKey) {
        long index = cycle == Cycle.MONTHLY
                ? Integer.parseInt(cycleKey.substring(cycleKey.lastIndexOf('-') + 1)) - 1
                : sixWeekCycleNumber(LocalDate.parse(cycleKey.substring(SIX_WEEKLY_PREFIX.length())));
        return cohortRotation.get((int) (index % cohortRotation.size()));
    }

    private long sixWeekCycleNumber(LocalDate day) {
        if (day.isBefore(cycleStart)) {
            throw new IllegalArgumentException(day + " is before programme " + id + "'s first cycle (" + cycleStart + ")");
        }
        return ChronoUnit.WEEKS.between(cycleStart, day) / 6;
    }
}
