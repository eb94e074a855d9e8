package uk.caseqa.reporting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;

/**
 * Counts to move on a board aggregate: which measure, council, team and period, and by how much in which bucket.
 * Months are English calendar months (Europe/London), as boards read them.
 */
public record Tally(String measure, String localAuthority, String teamId, String period, Map<String, Long> deltas) {

    public static final String AUDITS_BY_FINAL_GRADE = "audits-by-final-grade";
    public static final String OPEN_CASES_OF_CONCERN = "open-cases-of-concern";
    public static final String CURRENT = "current";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    public static Tally of(String localAuthority, AuditModerated event) {
        return new Tally(AUDITS_BY_FINAL_GRADE, localAuthority, event.teamId(), monthOf(event.moderatedAt()),
                Map.of(event.finalGrade().name(), 1L));
    }

    public static Tally of(String localAuthority, CaseOfConcernOpened event) {
        return new Tally(OPEN_CASES_OF_CONCERN, localAuthority, event.teamId(), CURRENT, Map.of("OPEN", 1L));
    }

    /** A closed case of concern leaves the open count and joins the closed one. */
    public static Tally of(String localAuthority, CaseOfConcernClosed event) {
        return new Tally(OPEN_CASES_OF_CONCERN, localAuthority, event.teamId(), CURRENT,
                Map.of("OPEN", -1L, "CLOSED", 1L));
    }

    /** A re-audit without improvement: still open, counted as escalated. */
    public static Tally of(String localAuthority, CaseOfConcernEscalated event) {
        return new Tally(OPEN_CASES_OF_CONCERN, localAuthority, event.teamId(), CURRENT, Map.of("ESCALATED", 1L));
    }

    public String aggregateId() {
        return String.join("|", measure, localAuthority, teamId, period);
    }

    static String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ENGLAND)).toString();
    }
}
