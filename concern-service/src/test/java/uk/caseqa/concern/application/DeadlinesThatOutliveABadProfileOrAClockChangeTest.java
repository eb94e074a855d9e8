package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.SafetyPlanOverdue;

class DeadlinesThatOutliveABadProfileOrAClockChangeTest {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    static Instant inEngland(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ENGLAND).toInstant();
    }

    @Test
    void aFollowUpWhoseProfileIsNoLongerConfiguredIsSetAsideAndEveryOtherDeadlineStillFires() {
        ConcernScenario bolton = new ConcernScenario("bolton", Instant.parse("2026-11-20T10:00:00Z"));
        bolton.gradedInadequate("audit-0", List.of());
        FollowUp stored = bolton.followUp("coc-audit-0");
        bolton.followUps.update(FollowUp.restore(stored.id(), stored.kind(), "bolton-retired-2019", stored.facts(),
                stored.status(), stored.cycle(), stored.openedAt(), stored.safetyPlan(), stored.deadlines(),
                stored.answeredBy(), stored.dipSampleResults(), stored.caseloadAuditRequested(), stored.history(),
                stored.version()), List.of());
        bolton.gradedInadequate("audit-1", List.of());

        bolton.after(Duration.ofHours(25));

        assertThat(bolton.published(SafetyPlanOverdue.class)).extracting(SafetyPlanOverdue::caseOfConcernId)
                .containsExactly("coc-audit-1");
        assertThat(bolton.followUps.withDeadlinesDueBy(bolton.clock.instant())).doesNotContain("coc-audit-0");
    }

    @Test
    void theReAuditSixWeeksAfterAGradeAtHalfPastElevenBeforeTheMarchChangeIsDueAtHalfPastElevenSixWeeksOn() {
        ConcernScenario swindon = new ConcernScenario("swindon", inEngland("2027-03-20T23:30"));

        swindon.gradedInadequate("audit-1", List.of());

        assertThat(swindon.published(CaseOfConcernOpened.class)).singleElement().satisfies(opened -> {
            assertThat(opened.reAuditDueBy()).isEqualTo(inEngland("2027-05-01T23:30"));
            assertThat(opened.safetyPlanDueBy()).isEqualTo(inEngland("2027-03-20T23:30").plus(Duration.ofHours(24)));
        });
    }

    @Test
    void theReAuditAfterAGradeJustAfterMidnightBeforeTheOctoberChangeIsNotDueTheDayBefore() {
        ConcernScenario swindon = new ConcernScenario("swindon", inEngland("2027-10-24T00:30"));

        swindon.gradedInadequate("audit-1", List.of());

        assertThat(swindon.published(CaseOfConcernOpened.class)).singleElement().satisfies(
                opened -> assertThat(opened.reAuditDueBy()).isEqualTo(inEngland("2027-12-05T00:30")));
    }
}
