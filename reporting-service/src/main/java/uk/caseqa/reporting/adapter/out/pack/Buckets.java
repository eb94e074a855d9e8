package uk.caseqa.reporting.adapter.out.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import uk.caseqa.contracts.Grade;
import uk.caseqa.reporting.domain.Measure;

/**
 * Which buckets of a measure a pack shows, and in what order. A board reads "Escalated: 0" as news, so the buckets
 * it always looks for are shown even when nothing was counted in them, in reading order (grades best first); any
 * other bucket counted follows alphabetically. Where teams or services are compared side by side, only a measure's
 * headline buckets are columns, so the table fits the page.
 */
final class Buckets {

    private static final List<String> GRADES = Arrays.stream(Grade.values()).map(Grade::name).toList();

    private Buckets() {
    }

    /** The buckets of the measure shown even when nothing was counted in them. */
    static List<String> always(Measure measure) {
        return switch (measure) {
            case FINAL_GRADES -> concat(GRADES, List.of("AWAITING_MODERATION"));
            case MODERATION -> List.of("MODERATED", "AGREED", "UPGRADED", "DOWNGRADED", "NOT_MODERATED", "AWAITING");
            case FAMILY_FEEDBACK -> List.of("OBTAINED");
            case ACTIONS -> List.of("AGREED", "OPEN", "OVERDUE", "COMPLETED", "NOT_DONE", "WITHDRAWN", "VERIFIED",
                    "NOT_CONFIRMED");
            case CASES_OF_CONCERN -> concat(List.of("OPENED", "OPEN", "CLOSED_IMPROVED", "ESCALATED", "PLAN_MET",
                    "PLAN_LATE", "PLAN_OVERDUE", "PLAN_OPEN"), GRADES.stream().map(g -> "REAUDIT:" + g).toList());
            case AUDITOR_VS_FINAL, PRACTICE_DOMAINS, TIMELINESS, FOLLOW_UPS, AUDIT_ACTIVITY -> List.of();
        };
    }

    /** The buckets of the measure shown as columns where teams or services are compared. */
    static List<String> compared(Measure measure) {
        return switch (measure) {
            case FINAL_GRADES -> always(measure);
            case MODERATION -> List.of("MODERATED", "NOT_MODERATED", "AWAITING");
            case FAMILY_FEEDBACK -> List.of("OBTAINED");
            case ACTIONS -> List.of("AGREED", "OVERDUE", "COMPLETED", "NOT_DONE");
            case CASES_OF_CONCERN -> List.of("OPENED", "CLOSED_IMPROVED", "ESCALATED", "PLAN_OVERDUE");
            case AUDITOR_VS_FINAL, PRACTICE_DOMAINS, TIMELINESS, FOLLOW_UPS, AUDIT_ACTIVITY -> List.of();
        };
    }

    /** The buckets to show of those counted: the ones always shown, then the others, alphabetically. */
    static List<String> ordered(Measure measure, Collection<String> counted) {
        List<String> ordered = new ArrayList<>(always(measure));
        new TreeSet<>(counted).stream().filter(b -> !ordered.contains(b)).forEach(ordered::add);
        return ordered;
    }

    private static List<String> concat(List<String> first, List<String> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }
}
