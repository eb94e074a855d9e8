package uk.caseqa.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.demo.YearOfAudits.Story;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * A generated year of two councils' audits (Swindon moderating a sample, Telford & Wrekin moderating none but
 * Inadequate ones) is projected through the real use case, in time order and again shuffled and duplicated, and
 * every measure of every period type is compared, by council and by team, with figures worked out here from the
 * generated stories alone, without the counting code.
 */
class AYearOfAuditsOnTheBoardTest {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final LocalDate ANCHOR = LocalDate.of(2024, 1, 1);
    static final YearOfAudits.History HISTORY = YearOfAudits.generate(YearOfAudits.twoCouncils(),
            LocalDate.of(2025, 11, 1), 12, NOW, 42L);

    @Test
    void everyMeasureOfEveryPeriodMatchesWhatTheStoriesSayByCouncilAndByTeam() {
        InMemoryBoardRecords records = InMemoryBoardRecords.of(HISTORY.events());
        int compared = 0;
        for (YearOfAudits.Council council : YearOfAudits.twoCouncils()) {
            String la = council.id();
            BoardRecords.CouncilRecords loaded = records.load(la);
            List<Story> stories = HISTORY.stories().stream().filter(s -> s.council().equals(la)).toList();
            for (Period period : periods()) {
                Map<String, Map<String, Long>> counted = new TreeMap<>();
                BoardCount.count(la, period, NOW, loaded.audits(), loaded.concerns(), loaded.followUps())
                        .forEach(a -> counted.put(a.key().id(), a.counts()));
                Map<String, Map<String, Long>> expected = expected(la, stories, period);
                for (String id : expected.keySet()) {
                    assertThat(counted.get(id)).as(id).isEqualTo(expected.get(id));
                    compared++;
                }
                assertThat(counted.keySet()).as("aggregates of %s in %s", la, period.key())
                        .containsAll(expected.keySet());
            }
        }
        assertThat(compared).isGreaterThan(2_000);
    }

    @Test
    void eventsInAnyOrderAndDeliveredTwiceGiveTheSameBoard() {
        List<EventEnvelope<EventPayload>> shuffled = new ArrayList<>(HISTORY.events());
        shuffled.addAll(HISTORY.events().subList(0, HISTORY.events().size() / 3));
        Collections.shuffle(shuffled, new Random(7));
        InMemoryBoardRecords inOrder = InMemoryBoardRecords.of(HISTORY.events());
        InMemoryBoardRecords anyOrder = InMemoryBoardRecords.of(shuffled);

        for (String la : List.of("swindon", "telford-and-wrekin")) {
            for (Period period : List.of(Period.parse("2026-10"), Period.parse("2026-Q2"), Period.parse("2026"))) {
                assertThat(count(anyOrder, la, period)).isEqualTo(count(inOrder, la, period));
            }
        }
    }

    @Test
    void unmoderatedAuditsAreCountedAndAReturnedReModeratedAuditCountsOnce() {
        InMemoryBoardRecords records = InMemoryBoardRecords.of(HISTORY.events());
        Period year = Period.parse("2026");
        Map<String, Long> telford = finalGrades(records, "telford-and-wrekin", year);
        assertThat(telford.get("GOOD")).as("Telford & Wrekin moderates no Good audit, yet they count").isPositive();

        List<Story> remoderated = HISTORY.stories().stream().filter(s -> s.remoderatedAt() != null).toList();
        assertThat(remoderated).as("the history has returned and re-moderated audits").isNotEmpty();
        for (String la : List.of("swindon", "telford-and-wrekin")) {
            long submittedIn2026 = HISTORY.stories().stream().filter(s -> s.council().equals(la))
                    .filter(s -> year.contains(s.completedAt())).count();
            assertThat(finalGrades(records, la, year).values().stream().mapToLong(Long::longValue).sum())
                    .as("each audit of %s submitted in 2026 counts once", la).isEqualTo(submittedIn2026);
        }
    }

    @Test
    void kappaAndAgreementFollowTheirTextbookDefinitions() {
        InMemoryBoardRecords records = InMemoryBoardRecords.of(HISTORY.events());
        Period year = Period.parse("2026");
        Map<String, Long> moderation = count(records, "swindon", year).get(
                new BoardCount.Key(Measure.MODERATION, "swindon", Breakdown.COUNCIL, "swindon", "2026").id());
        double[][] m = new double[4][4];
        double n = 0;
        for (Story s : HISTORY.stories()) {
            Decision d = decisionAt(s, year.asOf(NOW));
            if (s.council().equals("swindon") && year.contains(s.completedAt()) && d != null) {
                m[d.auditor.ordinal()][d.moderator.ordinal()]++;
                n++;
            }
        }
        double agreed = 0;
        double chance = 0;
        for (int i = 0; i < 4; i++) {
            agreed += m[i][i];
            double row = 0;
            double col = 0;
            for (int j = 0; j < 4; j++) {
                row += m[i][j];
                col += m[j][i];
            }
            chance += (row / n) * (col / n);
        }
        double kappa = ((agreed / n) - chance) / (1 - chance);

        Map<String, Double> figures = Measure.MODERATION.figures(moderation);
        assertThat(figures.get("kappa")).isCloseTo(kappa, org.assertj.core.data.Offset.offset(0.0006));
        assertThat(figures.get("agreementPercent")).isCloseTo(100 * agreed / n, org.assertj.core.data.Offset.offset(0.06));
    }

    // ---- the figures worked out from the stories --------------------------------------------------------------

    static List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        for (Period.Type type : Period.Type.values()) {
            Period p = Period.containing(type, NOW, ANCHOR);
            for (int i = 0; i < (type == Period.Type.WEEK ? 60 : 14); i++) {
                periods.add(p);
                p = p.previous(ANCHOR);
            }
        }
        return periods;
    }

    record Decision(Grade auditor, Grade moderator) {
    }

    static Decision decisionAt(Story s, Instant asOf) {
        if (s.remoderatedAt() != null && !s.remoderatedAt().isAfter(asOf)) {
            return new Decision(s.resubmittedGrade(), s.remoderatedGrade());
        }
        if (s.moderatedAt() != null && !s.moderatedAt().isAfter(asOf)) {
            return new Decision(s.auditorGrade(), s.moderatorGrade());
        }
        return null;
    }

    static boolean by(Instant t, Instant asOf) {
        return t != null && !t.isAfter(asOf);
    }

    /** A clock as it stood at {@code asOf}, or null if it had not started. */
    static String clock(Instant start, Instant due, Instant done, Instant asOf) {
        if (start != null && start.isAfter(asOf)) {
            return null;
        }
        if (by(done, asOf)) {
            return due == null || !done.isAfter(due) ? "MET" : "LATE";
        }
        if (due == null) {
            return null;
        }
        return due.isAfter(asOf) ? "OPEN" : "OVERDUE";
    }

    /** Expected aggregates of the council in the period, by council and team (the breakdowns every record has). */
    static Map<String, Map<String, Long>> expected(String la, List<Story> stories, Period period) {
        Instant asOf = period.asOf(NOW);
        Map<String, Map<String, Long>> all = new TreeMap<>();
        for (Story s : stories) {
            boolean in = period.contains(s.completedAt())
                    || (!by(s.completedAt(), asOf)) && period.contains(s.completionDueBy());
            if (in) {
                Map<Measure, Map<String, Long>> t = auditTally(s, asOf);
                add(all, la, period, t, Map.of(Breakdown.COUNCIL, la, Breakdown.TEAM, s.teamId()));
            }
            if (s.caseOfConcernId() != null && period.contains(s.concernOpenedAt()) && by(s.concernOpenedAt(), asOf)) {
                add(all, la, period, concernTally(s, asOf), Map.of(Breakdown.COUNCIL, la, Breakdown.TEAM, s.teamId()));
            }
            if (s.shortAuditId() != null && period.contains(s.shortAuditRequestedAt())) {
                Map<Measure, Map<String, Long>> t = new EnumMap<>(Measure.class);
                inc(t, Measure.FOLLOW_UPS, "SHORT_AUDIT:REQUESTED");
                inc(t, Measure.FOLLOW_UPS, by(s.shortAuditClosedAt(), asOf) ? "SHORT_AUDIT:CLOSED:IMPROVED"
                        : "SHORT_AUDIT:OPEN");
                time(t, "SHORT_AUDIT", clock(s.shortAuditRequestedAt(), s.shortAuditDueBy(), s.shortAuditClosedAt(),
                        asOf));
                add(all, la, period, t, Map.of(Breakdown.COUNCIL, la));
            }
        }
        return all;
    }

    static Map<Measure, Map<String, Long>> auditTally(Story s, Instant asOf) {
        Map<Measure, Map<String, Long>> t = new EnumMap<>(Measure.class);
        time(t, "AUDIT_COMPLETION", clock(s.allocatedAt(), s.completionDueBy(), s.completedAt(), asOf));
        if (!by(s.completedAt(), asOf)) {
            return t;
        }
        Grade submitted = by(s.resubmittedAt(), asOf) ? s.resubmittedGrade() : s.auditorGrade();
        Decision decision = decisionAt(s, asOf);
        Grade finalGrade = decision != null ? decision.moderator()
                : by(s.waivedAt(), asOf) || by(s.closedAt(), asOf) ? submitted : null;
        inc(t, Measure.FINAL_GRADES, finalGrade == null ? "AWAITING_MODERATION" : finalGrade.name());
        if (finalGrade != null) {
            inc(t, Measure.AUDITOR_VS_FINAL, (decision != null ? decision.auditor() : submitted) + ">" + finalGrade);
        }
        if (decision != null) {
            inc(t, Measure.MODERATION, "MODERATED");
            inc(t, Measure.MODERATION, GradeChange.between(decision.auditor(), decision.moderator()).name());
            inc(t, Measure.MODERATION, decision.auditor() + ">" + decision.moderator());
        } else {
            inc(t, Measure.MODERATION, by(s.waivedAt(), asOf) ? "NOT_MODERATED" : "AWAITING");
        }
        s.domainGrades().forEach((domain, grade) -> {
            inc(t, Measure.PRACTICE_DOMAINS, domain + ":GRADED");
            if (grade == Grade.REQUIRES_IMPROVEMENT || grade == Grade.INADEQUATE) {
                inc(t, Measure.PRACTICE_DOMAINS, domain + ":BELOW_GOOD");
            }
        });
        inc(t, Measure.FAMILY_FEEDBACK, s.feedbackObtained() ? "OBTAINED" : "NOT_OBTAINED:" + s.feedbackNotObtained());
        if (s.moderationDueBy() != null) { // assigned two minutes after the submission
            time(t, "MODERATION", clock(s.completedAt().plusSeconds(120), s.moderationDueBy(), s.moderatedAt(), asOf));
        }
        time(t, "IRO_COMMENTS", clock(s.allocatedAt().plusSeconds(1), s.iroDueBy(), s.iroRecordedAt(), asOf));
        if (s.panelCloseDueBy() != null) { // accepted by the panel two days before its close is due
            time(t, "PANEL_CLOSE", clock(s.panelCloseDueBy().minus(java.time.Duration.ofDays(2)), s.panelCloseDueBy(),
                    s.closedAt(), asOf));
        }
        for (YearOfAudits.StoryAction a : s.actions()) {
            inc(t, Measure.ACTIONS, "AGREED");
            boolean closed = by(a.closedAt(), asOf);
            inc(t, Measure.ACTIONS, closed ? a.outcome().name() : a.dueBy().isAfter(asOf) ? "OPEN" : "OVERDUE");
            if (by(a.verifiedAt(), asOf)) {
                inc(t, Measure.ACTIONS, a.confirmed() ? "VERIFIED" : "NOT_CONFIRMED");
            }
            if (!closed || a.outcome() == ActionClosed.Outcome.COMPLETED) {
                time(t, "ACTIONS", clock(s.completedAt(), a.dueBy(), closed ? a.closedAt() : null, asOf));
            }
        }
        return t;
    }

    static Map<Measure, Map<String, Long>> concernTally(Story s, Instant asOf) {
        Map<Measure, Map<String, Long>> t = new EnumMap<>(Measure.class);
        inc(t, Measure.CASES_OF_CONCERN, "OPENED");
        boolean reAudited = by(s.reAuditAt(), asOf);
        inc(t, Measure.CASES_OF_CONCERN, reAudited && s.reAuditImproved() ? "CLOSED_IMPROVED" : "OPEN");
        if (reAudited) {
            inc(t, Measure.CASES_OF_CONCERN, "REAUDIT:" + s.reAuditGrade());
            if (!s.reAuditImproved()) {
                inc(t, Measure.CASES_OF_CONCERN, "ESCALATED");
            }
        }
        String plan = clock(s.concernOpenedAt(), s.planDueBy(), s.planRecordedAt(), asOf);
        inc(t, Measure.CASES_OF_CONCERN, "PLAN_" + plan);
        time(t, "SAFETY_PLAN", plan);
        time(t, "RE_AUDIT", clock(s.concernOpenedAt(), s.reAuditDueBy(), s.reAuditAt(), asOf));
        return t;
    }

    static void time(Map<Measure, Map<String, Long>> tally, String clock, String status) {
        if (status != null) {
            inc(tally, Measure.TIMELINESS, clock + ":" + status);
        }
    }

    static void inc(Map<Measure, Map<String, Long>> tally, Measure measure, String bucket) {
        tally.computeIfAbsent(measure, m -> new TreeMap<>()).merge(bucket, 1L, Long::sum);
    }

    static void add(Map<String, Map<String, Long>> all, String la, Period period, Map<Measure, Map<String, Long>> tally,
            Map<Breakdown, String> values) {
        tally.forEach((measure, buckets) -> values.forEach((breakdown, value) -> {
            if (measure.breakdowns().contains(breakdown)) {
                String id = new BoardCount.Key(measure, la, breakdown, value, period.key()).id();
                buckets.forEach((b, n) -> all.computeIfAbsent(id, k -> new TreeMap<>()).merge(b, n, Long::sum));
            }
        }));
    }

    static Map<String, Map<String, Long>> count(InMemoryBoardRecords records, String la, Period period) {
        BoardRecords.CouncilRecords loaded = records.load(la);
        Map<String, Map<String, Long>> counted = new TreeMap<>();
        BoardCount.count(la, period, NOW, loaded.audits(), loaded.concerns(), loaded.followUps())
                .forEach(a -> counted.put(a.key().id(), a.counts()));
        return counted;
    }

    static Map<String, Long> finalGrades(InMemoryBoardRecords records, String la, Period period) {
        return count(records, la, period).getOrDefault(
                new BoardCount.Key(Measure.FINAL_GRADES, la, Breakdown.COUNCIL, la, period.key()).id(), Map.of());
    }
}
