package uk.caseqa.concern.domain;

import java.time.LocalDate;
import java.util.List;
import uk.caseqa.contracts.StaffRole;

/**
 * One council's grade-triggered processes, as data (configuration {@code caseqa.concern.profiles}): who is told, the
 * plan deadline and its escalation chain, the re-audit delay and who does it, who hears when a re-audit shows no
 * improvement, what Requires Improvement triggers, and the dip-sample rule. {@code effectiveFrom} lets a council's
 * revised framework apply to grades from its date on; {@code source} names the seed it comes from.
 */
public record ConcernProfile(String id, String localAuthority, LocalDate effectiveFrom, String source,
        CaseOfConcernRule caseOfConcern, RequiresImprovementRule requiresImprovement, DipSampleRule dipSample,
        EarlyHelpRule earlyHelp) {

    /** Matches any council without a profile of its own. */
    public static final String ANY_COUNCIL = "*";

    public ConcernProfile {
        if (id == null || id.isBlank() || localAuthority == null || effectiveFrom == null) {
            throw new IllegalArgumentException("a profile needs an id, a local authority and effectiveFrom");
        }
        caseOfConcern = caseOfConcern == null ? CaseOfConcernRule.DEFAULT : caseOfConcern;
        requiresImprovement = requiresImprovement == null ? RequiresImprovementRule.NONE : requiresImprovement;
        dipSample = dipSample == null ? DipSampleRule.NONE : dipSample;
        earlyHelp = earlyHelp == null ? EarlyHelpRule.NONE : earlyHelp;
    }

    /**
     * Early Help's triple lock (000 §5): a QA panel of managers ({@code reviewBy}) reviews every Inadequate Early Help
     * audit's plan and progress; concerns go to {@code concernsTell} and the Closing the Loop Steering Group.
     */
    public record EarlyHelpRule(boolean panelReview, List<StaffRole> reviewBy, List<StaffRole> concernsTell) {
        static final EarlyHelpRule NONE = new EarlyHelpRule(false, List.of(), List.of());

        public EarlyHelpRule {
            reviewBy = reviewBy == null ? List.of() : List.copyOf(reviewBy);
            concernsTell = concernsTell == null ? List.of() : List.copyOf(concernsTell);
            if (panelReview && (reviewBy.isEmpty() || concernsTell.isEmpty())) {
                throw new IllegalArgumentException("early-help panel-review needs review-by and concerns-tell roles");
            }
        }
    }

    /** Inadequate: plan within {@code safetyPlanHours}; overdue escalates along the chain every interval. */
    public record CaseOfConcernRule(List<StaffRole> alsoTell, int safetyPlanHours, List<StaffRole> escalationChain,
            int escalationIntervalHours, int reAuditWeeks, StaffRole reAuditBy, List<StaffRole> onNoImprovementTell) {
        static final CaseOfConcernRule DEFAULT = new CaseOfConcernRule(List.of(), 24,
                List.of(StaffRole.HEAD_OF_SERVICE), 24, 6, StaffRole.QA_MANAGER, List.of(StaffRole.HEAD_OF_SERVICE));

        public CaseOfConcernRule {
            alsoTell = alsoTell == null ? List.of() : List.copyOf(alsoTell);
            escalationChain = escalationChain == null || escalationChain.isEmpty()
                    ? List.of(StaffRole.HEAD_OF_SERVICE) : List.copyOf(escalationChain);
            onNoImprovementTell = onNoImprovementTell == null ? List.of() : List.copyOf(onNoImprovementTell);
            safetyPlanHours = safetyPlanHours <= 0 ? 24 : safetyPlanHours;
            escalationIntervalHours = escalationIntervalHours <= 0 ? 24 : escalationIntervalHours;
            reAuditWeeks = reAuditWeeks <= 0 ? 6 : reAuditWeeks;
            reAuditBy = reAuditBy == null ? StaffRole.QA_MANAGER : reAuditBy;
        }
    }

    /**
     * Requires Improvement: a short audit {@code shortAuditWeeks} after the grade, or, {@code afterPanel}, after the QA
     * panel has accepted the audit (000 Appendix 3); or nothing.
     */
    public record RequiresImprovementRule(boolean shortAudit, int shortAuditWeeks, StaffRole shortAuditBy,
            boolean afterPanel) {
        static final RequiresImprovementRule NONE = new RequiresImprovementRule(false, 6, StaffRole.QA_MANAGER, false);

        public RequiresImprovementRule {
            shortAuditWeeks = shortAuditWeeks <= 0 ? 6 : shortAuditWeeks;
            shortAuditBy = shortAuditBy == null ? StaffRole.QA_MANAGER : shortAuditBy;
        }
    }

    /** Dip sample {@code count} more of the social worker's cases on Requires Improvement or Inadequate. */
    public record DipSampleRule(boolean enabled, int count, StaffRole requestedFrom, int dueDays) {
        static final DipSampleRule NONE = new DipSampleRule(false, 3, StaffRole.TEAM_MANAGER, 28);

        public DipSampleRule {
            count = count <= 0 ? 3 : count;
            requestedFrom = requestedFrom == null ? StaffRole.TEAM_MANAGER : requestedFrom;
            dueDays = dueDays <= 0 ? 28 : dueDays;
        }
    }
}
