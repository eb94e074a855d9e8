package uk.caseqa.reporting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;

/**
 * One thing a board counts, kept once under an id that derives from what it is about (the audit, the case of concern,
 * the escalation cycle), never from the event that told us: an audit's final grade, a case of concern's state, an
 * escalation. A board aggregate is the number of facts per bucket in its measure, council, team and period, so a
 * redelivered, re-moderated or replayed event moves a fact rather than adding one.
 *
 * <p>A later fact about the same thing replaces the stored one only if it {@link #supersedes} it: a higher
 * {@code rank} (a closed case of concern stays closed, whatever order the events arrive in), or the same rank and a
 * later {@code asOf} (the latest moderation of an audit). Months are English calendar months (Europe/London).
 */
public record BoardFact(String factId, String measure, String localAuthority, String teamId, String period,
        String bucket, int rank, Instant asOf) {

    public static final String AUDITS_BY_FINAL_GRADE = "audits-by-final-grade";
    public static final String OPEN_CASES_OF_CONCERN = "open-cases-of-concern";
    public static final String CURRENT = "current";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** The audit's final grade, counted in the month of its latest moderation. */
    public static BoardFact of(String localAuthority, AuditModerated event) {
        return new BoardFact(String.join("|", "grade", localAuthority, event.auditId()), AUDITS_BY_FINAL_GRADE,
                localAuthority, event.teamId(), monthOf(event.moderatedAt()), event.finalGrade().name(), 0,
                event.moderatedAt());
    }

    public static BoardFact of(String localAuthority, CaseOfConcernOpened event) {
        return caseOfConcern(localAuthority, event.caseOfConcernId(), event.teamId(), "OPEN", 0, event.openedAt());
    }

    /** A closed case of concern leaves the open count and joins the closed one; team from the opening if unnamed. */
    public static BoardFact of(String localAuthority, CaseOfConcernClosed event) {
        return caseOfConcern(localAuthority, event.caseOfConcernId(), event.teamId(), "CLOSED", 1, event.closedAt());
    }

    /** A re-audit without improvement: counted once per escalation cycle. */
    public static BoardFact of(String localAuthority, CaseOfConcernEscalated event) {
        return new BoardFact(String.join("|", "escalated", localAuthority, event.caseOfConcernId(),
                String.valueOf(event.cycle())), OPEN_CASES_OF_CONCERN, localAuthority, event.teamId(), CURRENT,
                "ESCALATED", 0, event.escalatedAt());
    }

    private static BoardFact caseOfConcern(String localAuthority, String caseOfConcernId, String teamId, String bucket,
            int rank, Instant asOf) {
        return new BoardFact(String.join("|", "coc", localAuthority, caseOfConcernId), OPEN_CASES_OF_CONCERN,
                localAuthority, teamId, CURRENT, bucket, rank, asOf);
    }

    /** True when this fact should replace {@code stored}, the one kept about the same thing. */
    public boolean supersedes(BoardFact stored) {
        return rank > stored.rank || rank == stored.rank && asOf.isAfter(stored.asOf);
    }

    /** The fact with the team it was first counted under, for events that may not name the team. */
    public BoardFact inTeamOf(BoardFact stored) {
        return teamId != null ? this
                : new BoardFact(factId, measure, localAuthority, stored.teamId, period, bucket, rank, asOf);
    }

    /** The aggregate this fact is counted in. */
    public String aggregateId() {
        return aggregateIdOf(measure, localAuthority, teamId, period);
    }

    public static String aggregateIdOf(String measure, String localAuthority, String teamId, String period) {
        return String.join("|", measure, localAuthority, teamId, period);
    }

    static String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ENGLAND)).toString();
    }
}
