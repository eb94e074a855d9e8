package uk.caseqa.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.StaffRole;

/**
 * Swindon 2024 (001 §6.1.2): heads of service, service managers and team managers each dip sample 5 case files of
 * their team or service area, or do one practice observation, a month, on a theme the QA team sets.
 */
class ManagersDipSampleTheirAreaOnTheQaTeamsThemeTest {

    final AuditUseCases story = new AuditUseCases();

    @BeforeEach
    void swindon() {
        story.staffMember("swindon", "staff-qa-1", StaffRole.QA_MANAGER, "qa", null);
        story.staffMember("swindon", "staff-tm-1", StaffRole.TEAM_MANAGER, "team-1", "svc-1");
        story.staffMember("swindon", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1", "svc-1");
        story.staffMember("swindon", "staff-hos-1", StaffRole.HEAD_OF_SERVICE, "svc-1", "svc-1");
        for (int i = 0; i < 8; i++) {
            story.openCase("swindon", "case-" + i, "staff-sw-1");
        }
        story.cases.open.put("case-other", new CaseRecord("case-other", "swindon", Cohort.CP, "svc-2", "team-2",
                "staff-sw-2", "staff-tm-2", "staff-sm-2", "staff-iro-1"));
    }

    @AfterEach
    void stop() {
        story.close();
    }

    @Test
    void eachManagerSamplesFiveFilesOfTheirOwnAreaOrObservesPracticeOnce() {
        var samples = story.leaders.setTheme("swindon", "Quality of chronologies", Set.of("staff-sm-1"),
                "staff-qa-1");

        Map<String, List<String>> byManager = samples.stream().collect(Collectors.toMap(
                SchedulingLeadersAudits.ManagerSample::managerId, SchedulingLeadersAudits.ManagerSample::auditIds));
        assertThat(byManager.get("staff-tm-1")).hasSize(5);
        assertThat(byManager.get("staff-hos-1")).hasSize(5);
        assertThat(byManager.get("staff-sm-1")).hasSize(1);
        List<Audit> allocated = List.copyOf(story.audits.saved.values());
        assertThat(allocated).hasSize(11).noneMatch(a -> a.auditedCase().caseId().equals("case-other"));
        assertThat(allocated).filteredOn(a -> a.auditorId().equals("staff-sm-1")).singleElement()
                .satisfies(a -> assertThat(a.auditType()).isEqualTo(AuditType.PRACTICE_OBSERVATION));
        assertThat(allocated).filteredOn(a -> a.auditorId().equals("staff-tm-1"))
                .allSatisfy(a -> assertThat(a.auditType()).isEqualTo(AuditType.DIP_SAMPLE))
                .allSatisfy(a -> assertThat(a.auditId()).contains("quality-of-chronologies"));
    }

    @Test
    void settingTheSameThemeAgainAllocatesNothingTwice() {
        var first = story.leaders.setTheme("swindon", "Chronologies", Set.of(), "staff-qa-1");
        int allocated = story.audits.saved.size();

        var again = story.leaders.setTheme("swindon", "Chronologies", Set.of(), "staff-qa-1");

        assertThat(again).isEqualTo(first);
        assertThat(story.audits.saved).hasSize(allocated);
    }

    @Test
    void onlyTheQaTeamSetsTheThemeAndOnlyWhereTheCouncilsFrameworkHasManagersDipSamples() {
        assertThatThrownBy(() -> story.leaders.setTheme("swindon", "Plans", Set.of(), "staff-tm-1"))
                .isInstanceOf(SecurityException.class);
        story.staffMember("wandsworth", "staff-qa-9", StaffRole.QA_MANAGER, "qa", null);
        assertThatThrownBy(() -> story.leaders.setTheme("wandsworth", "Plans", Set.of(), "staff-qa-9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sets no managers' dip samples");
        assertThat(story.audits.saved).isEmpty();
    }
}
