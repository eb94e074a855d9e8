package uk.caseqa.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.StaffRole;

/**
 * Practice week, twice a year: Swindon's service leaders audit alongside social workers and observe practice (000
 * §2.4, 001 §6.3); Bolton's heads of service observe practice on the template (002 §6).
 */
class SeniorLeadersAuditAlongsidePractitionersInPracticeWeekTest {

    static final LocalDate MARCH = LocalDate.of(2027, 3, 1);
    final AuditUseCases story = new AuditUseCases();

    @AfterEach
    void stop() {
        story.close();
    }

    void council(String council) {
        story.staffMember(council, "staff-qa-1", StaffRole.QA_MANAGER, "qa", null);
        story.staffMember(council, "staff-hos-1", StaffRole.HEAD_OF_SERVICE, "svc-1", "svc-1");
        story.staffMember(council, "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1", "svc-1");
        story.staffMember(council, "staff-tm-1", StaffRole.TEAM_MANAGER, "team-1", "svc-1");
        for (int i = 0; i < 6; i++) {
            story.openCase(council, "case-" + i, "staff-sw-1");
        }
    }

    @Test
    void swindonsServiceLeadersEachAuditACaseAndObservePracticeDueByTheWeeksEnd() {
        council("swindon");

        var week = story.leaders.schedulePracticeWeek("swindon", MARCH, "staff-qa-1");

        assertThat(week).extracting(SchedulingLeadersAudits.LeaderWeek::leaderId)
                .containsExactly("staff-hos-1", "staff-sm-1");
        assertThat(week).allSatisfy(w -> {
            assertThat(w.auditIds()).hasSize(1);
            assertThat(w.observationIds()).hasSize(1);
        });
        List<Audit> allocated = List.copyOf(story.audits.saved.values());
        assertThat(allocated).extracting(Audit::auditType).containsOnly(AuditType.PRACTICE_WEEK,
                AuditType.PRACTICE_OBSERVATION);
        assertThat(allocated).filteredOn(a -> a.auditType() == AuditType.PRACTICE_WEEK)
                .allSatisfy(a -> assertThat(a.templateReference()).as("alongside the SW, the case-file template")
                        .isEqualTo("swindon-full@v2"))
                .allSatisfy(a -> assertThat(a.completionDueBy().atZone(java.time.ZoneId.of("Europe/London"))
                        .toLocalDate()).isEqualTo(MARCH.plusDays(5)));
        assertThat(story.leaders.schedulePracticeWeek("swindon", MARCH, "staff-qa-1")).as("scheduled again: the same")
                .isEqualTo(week);
        assertThat(story.audits.saved).hasSize(allocated.size());
    }

    @Test
    void aThirdPracticeWeekInAYearIsRefused() {
        council("swindon");
        story.leaders.schedulePracticeWeek("swindon", MARCH, "staff-qa-1");
        story.leaders.schedulePracticeWeek("swindon", MARCH.plusMonths(6), "staff-qa-1");

        assertThatThrownBy(() -> story.leaders.schedulePracticeWeek("swindon", MARCH.plusMonths(8), "staff-qa-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 practice weeks a year");
    }

    @Test
    void boltonsHeadsOfServiceObservePracticeOnlyAndOnlyTheQaTeamSchedulesTheWeek() {
        council("bolton");
        assertThatThrownBy(() -> story.leaders.schedulePracticeWeek("bolton", MARCH, "staff-tm-1"))
                .isInstanceOf(SecurityException.class);

        var week = story.leaders.schedulePracticeWeek("bolton", MARCH, "staff-qa-1");

        assertThat(week).singleElement().satisfies(w -> {
            assertThat(w.leaderId()).isEqualTo("staff-hos-1");
            assertThat(w.auditIds()).isEmpty();
            assertThat(w.observationIds()).hasSize(1);
        });
    }

    @Test
    void telfordsSixMonthlyQaDayGivesEveryPractitionerACaseThatIsNotTheirOwn() {
        council("telford-and-wrekin");
        story.staffMember("telford-and-wrekin", "staff-sw-1", StaffRole.SOCIAL_WORKER, "team-1", "svc-1");
        story.cases.open.put("case-of-sw-2", new uk.caseqa.audit.domain.CaseRecord("case-of-sw-2", "telford-and-wrekin",
                uk.caseqa.contracts.Cohort.CP, "svc-1", "team-1", "staff-sw-2", "staff-tm-1", "staff-sm-1", null));

        var day = story.leaders.schedulePracticeWeek("telford-and-wrekin", MARCH, "staff-qa-1");

        assertThat(day).extracting(SchedulingLeadersAudits.LeaderWeek::leaderId)
                .containsExactly("staff-sw-1", "staff-tm-1");
        assertThat(day).allSatisfy(w -> assertThat(w.auditIds()).hasSize(1));
        assertThat(story.audits.saved.values()).filteredOn(a -> a.auditorId().equals("staff-sw-1")).singleElement()
                .satisfies(a -> assertThat(a.auditedCase().caseId()).isEqualTo("case-of-sw-2"));
    }
}
