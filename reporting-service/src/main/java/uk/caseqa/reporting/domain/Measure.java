package uk.caseqa.reporting.domain;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import uk.caseqa.contracts.Grade;

/**
 * The measures boards read, each defined once: its id (the aggregate's name on {@code qa.board-aggregates}), what it
 * counts, where the councils' documents ask for it, the breakdowns it is counted under, and the figures derived
 * from its counts. Buckets are counts of audits (or cases of concern, follow-ups, actions) in the period; figures
 * are percentages of them, or Cohen's kappa.
 */
public enum Measure {
    FINAL_GRADES("final-grades", "Final grades",
            "Audits first submitted in the period, by final grade: the moderated grade where the audit was moderated, "
                    + "otherwise the auditor's once moderation was waived or the audit closed; AWAITING_MODERATION "
                    + "until then. Each audit counts once, however often it is returned or moderated.",
            "000 Appendix 1-2 (monthly summary to QAPIB); 002 §6 (6-weekly findings, annual report); 004 ¶37-40",
            EnumSet.allOf(Breakdown.class)),
    AUDITOR_VS_FINAL("auditor-vs-final", "Auditor's grade against final grade",
            "Audits with a final grade, counted by the pair auditor's grade > final grade (e.g. GOOD>REQUIRES_IMPROVEMENT).",
            "DOMAIN.md Reporting: grade distribution (auditor vs final); 001 §6.1.6", EnumSet.allOf(Breakdown.class)),
    MODERATION("moderation", "Moderation agreement",
            "Submitted audits by moderation: MODERATED (then AGREED, UPGRADED or DOWNGRADED, and the pair auditor > "
                    + "moderator grade), NOT_MODERATED (waived by the council's profile) or AWAITING. By auditor, "
                    + "this is the auditor's calibration: how often and which way their grades are changed.",
            "000 §2.4 and Appendix 1 (moderation); 001 §6.1.6 (feedback on a changed grade); 002 §7.4",
            EnumSet.allOf(Breakdown.class)),
    PRACTICE_DOMAINS("practice-domains", "Practice domains below Good",
            "For each practice domain graded in a submitted audit: GRADED and BELOW_GOOD (Requires Improvement or "
                    + "Inadequate), keyed domain:GRADED and domain:BELOW_GOOD; the share below Good shows the "
                    + "weaknesses, the share Good or better the strengths.",
            "DOMAIN.md Reporting: per-domain strengths and weaknesses (themes); 002 §6 findings report",
            EnumSet.allOf(Breakdown.class)),
    TIMELINESS("timeliness", "Timeliness",
            "Each clock as it stood at the period's end (or now): MET, LATE (done after its due time), OVERDUE (not "
                    + "done, past due) or OPEN (not yet due), keyed clock:status. Clocks: AUDIT_COMPLETION, "
                    + "MODERATION, IRO_COMMENTS (72 hours), PANEL_CLOSE (2 working days), ACTIONS (completed by the due "
                    + "date; those not done or withdrawn are counted under actions), "
                    + "SAFETY_PLAN (24 hours), RE_AUDIT (6 weeks), SHORT_AUDIT.",
            "000 §2.3-2.4 and Appendix 1 (IRO 72h, panel 2 working days); 000 Appendix 2 (plan in 24h, re-audit in "
                    + "6 weeks); 002 §7.1 (timescale at allocation)",
            EnumSet.allOf(Breakdown.class)),
    FAMILY_FEEDBACK("family-feedback", "Family feedback",
            "Submitted audits: OBTAINED, or NOT_OBTAINED:reason (DECLINED, NO_RESPONSE, NOT_CONTACTABLE, "
                    + "NOT_APPROPRIATE, OTHER).",
            "000 §2.3 (feedback sought before every audit, or the reason recorded)", EnumSet.allOf(Breakdown.class)),
    ACTIONS("actions", "Actions",
            "Actions agreed at audits submitted in the period: AGREED, and where each stood: OPEN, OVERDUE, COMPLETED, "
                    + "NOT_DONE or WITHDRAWN; VERIFIED or NOT_CONFIRMED once the QA team checked a completed one.",
            "002 §6, §7.7-7.8 (closing the loop); 000 Appendix 4 (verification sample)",
            EnumSet.allOf(Breakdown.class)),
    CASES_OF_CONCERN("cases-of-concern", "Cases of concern",
            "Cases of concern opened in the period: OPENED, then OPEN or CLOSED_IMPROVED, ESCALATED (a re-audit without "
                    + "improvement), PLAN_MET / PLAN_LATE / PLAN_OVERDUE / PLAN_OPEN (safety plan in 24 hours) and "
                    + "REAUDIT:grade for each re-audit.",
            "000 Appendix 2 (case of concern, safety plan in 24h, re-audit in 6 weeks, escalation); 002 §7.6",
            EnumSet.of(Breakdown.COUNCIL, Breakdown.SERVICE, Breakdown.TEAM)),
    FOLLOW_UPS("follow-ups", "Follow-ups",
            "Follow-ups requested in the period, keyed kind:REQUESTED, kind:OPEN or kind:CLOSED:outcome (kinds "
                    + "SHORT_AUDIT for Requires Improvement, DIP_SAMPLE, CASELOAD_AUDIT); and audits of those kinds "
                    + "submitted in the period, keyed type:GRADED:grade.",
            "000 Appendix 3 (Requires Improvement short audit); 004 ¶33-35 (Wandsworth dip samples, caseload audit)",
            EnumSet.of(Breakdown.COUNCIL)),
    AUDIT_ACTIVITY("audit-activity", "Other audit activity",
            "Audits of the other types submitted in the period, keyed type:GRADED:grade (the moderated grade where "
                    + "there is one): EARLY_HELP, THEMATIC, MULTI_AGENCY, PRACTICE_OBSERVATION, AD_HOC, PRACTICE_WEEK "
                    + "and SUPERVISION; the practice week's rows are the summary of its findings for the board.",
            "000 §2.4 and 001 §6.3 (practice week, twice a year, summary to the board); 004 ¶31; 000 §5 (Early Help); "
                    + "001 §6.1.2-6.1.5; 003 (supervision audits, QA Day)",
            EnumSet.of(Breakdown.COUNCIL, Breakdown.SERVICE, Breakdown.TEAM));

    private final String id;
    private final String title;
    private final String definition;
    private final String source;
    private final Set<Breakdown> breakdowns;

    Measure(String id, String title, String definition, String source, Set<Breakdown> breakdowns) {
        this.id = id;
        this.title = title;
        this.definition = definition;
        this.source = source;
        this.breakdowns = breakdowns;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String definition() {
        return definition;
    }

    public String source() {
        return source;
    }

    public Set<Breakdown> breakdowns() {
        return breakdowns;
    }

    public static Measure ofId(String id) {
        for (Measure m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("measure: '" + id + "' is not a measure; one of "
                + java.util.Arrays.stream(values()).map(Measure::id).toList());
    }

    /** The figures derived from this measure's counts, by name; a figure with no denominator is left out. */
    public Map<String, Double> figures(Map<String, Long> counts) {
        Map<String, Double> figures = new LinkedHashMap<>();
        switch (this) {
            case FINAL_GRADES -> {
                long graded = sum(counts, Grade.OUTSTANDING.name(), Grade.GOOD.name(),
                        Grade.REQUIRES_IMPROVEMENT.name(), Grade.INADEQUATE.name());
                percent(figures, "goodOrBetterPercent",
                        sum(counts, Grade.OUTSTANDING.name(), Grade.GOOD.name()), graded);
                percent(figures, "inadequatePercent", sum(counts, Grade.INADEQUATE.name()), graded);
            }
            case AUDITOR_VS_FINAL -> percent(figures, "unchangedPercent", diagonal(counts), pairs(counts));
            case MODERATION -> {
                long moderated = sum(counts, "MODERATED");
                percent(figures, "agreementPercent", sum(counts, "AGREED"), moderated);
                percent(figures, "upgradedPercent", sum(counts, "UPGRADED"), moderated);
                percent(figures, "downgradedPercent", sum(counts, "DOWNGRADED"), moderated);
                Double kappa = Kappa.of(counts);
                if (kappa != null) {
                    figures.put("kappa", kappa);
                }
            }
            case FAMILY_FEEDBACK -> {
                long all = counts.values().stream().mapToLong(Long::longValue).sum();
                percent(figures, "obtainedPercent", sum(counts, "OBTAINED"), all);
            }
            case ACTIONS -> {
                long closed = sum(counts, "COMPLETED", "NOT_DONE");
                percent(figures, "completedPercent", sum(counts, "COMPLETED"), closed + sum(counts, "OPEN", "OVERDUE"));
                percent(figures, "verifiedPercent", sum(counts, "VERIFIED"), sum(counts, "COMPLETED"));
            }
            case CASES_OF_CONCERN -> {
                long opened = sum(counts, "OPENED");
                percent(figures, "planInTimePercent", sum(counts, "PLAN_MET"), opened);
                percent(figures, "closedImprovedPercent", sum(counts, "CLOSED_IMPROVED"), opened);
            }
            case TIMELINESS -> {
                java.util.Set<String> clocks = new java.util.TreeSet<>();
                counts.keySet().forEach(k -> clocks.add(k.substring(0, k.indexOf(':'))));
                for (String clock : clocks) {
                    long met = sum(counts, clock + ":MET");
                    long judged = met + sum(counts, clock + ":LATE", clock + ":OVERDUE");
                    percent(figures, clock + ":metPercent", met, judged);
                }
            }
            case PRACTICE_DOMAINS -> {
                java.util.Set<String> domains = new java.util.TreeSet<>();
                counts.keySet().forEach(k -> domains.add(k.substring(0, k.lastIndexOf(':'))));
                for (String domain : domains) {
                    percent(figures, domain + ":belowGoodPercent", sum(counts, domain + ":BELOW_GOOD"),
                            sum(counts, domain + ":GRADED"));
                }
            }
            default -> {
            }
        }
        return figures;
    }

    static long sum(Map<String, Long> counts, String... buckets) {
        long total = 0;
        for (String bucket : buckets) {
            total += counts.getOrDefault(bucket, 0L);
        }
        return total;
    }

    private static long pairs(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().contains(">")).mapToLong(Map.Entry::getValue).sum();
    }

    private static long diagonal(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().contains(">"))
                .filter(e -> e.getKey().substring(0, e.getKey().indexOf('>'))
                        .equals(e.getKey().substring(e.getKey().indexOf('>') + 1)))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static void percent(Map<String, Double> figures, String name, long part, long whole) {
        if (whole > 0) {
            figures.put(name, Math.round(1000.0 * part / whole) / 10.0);
        }
    }
}
