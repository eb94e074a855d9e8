package uk.caseqa.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.audit.domain.FamilyFeedback;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffRole;

/** Swindon and Bolton number their staff and cases alike; neither council's people act on the other's audits. */
class TwoCouncilsSideBySideInAuditServiceTest {

    final AuditUseCases story = new AuditUseCases();

    @AfterEach
    void stop() {
        story.close();
    }

    @Test
    void anAuditorOfAnotherCouncilCannotBeGivenAnAuditEvenWithAnIdThatExistsThere() {
        story.openCase("swindon", "case-s1", "staff-sw-1");
        story.staffMember("bolton", "staff-tm-9", StaffRole.TEAM_MANAGER, "team-b");

        assertThatThrownBy(() -> story.allocating.allocate("case-s1", "staff-tm-9", "staff-qa-1", AuditType.FULL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auditorId")
                .hasMessageContaining("swindon");
        story.staffMember("swindon", "staff-tm-9", StaffRole.TEAM_MANAGER, "team-s");
        assertThat(story.allocating.allocate("case-s1", "staff-tm-9", "staff-qa-1", AuditType.FULL).auditorId())
                .isEqualTo("staff-tm-9");
    }

    @Test
    void aThematicAuditNamesItsCouncilSoASecondCouncilsThemeOnTheSameCaseIdIsNotSkipped() {
        story.staffMember("swindon", "staff-tm-1", StaffRole.TEAM_MANAGER, "team-1");
        story.staffMember("bolton", "staff-tm-1", StaffRole.TEAM_MANAGER, "team-1");
        story.openCase("swindon", "case-7", "staff-sw-1");
        List<Audit> swindon = story.allocating.thematic("swindon", "Neglect", Cohort.CIN, null, 5,
                List.of("staff-tm-1"), "staff-qa-1");
        story.cases.open.clear();
        story.openCase("bolton", "case-7", "staff-sw-1");

        List<Audit> bolton = story.allocating.thematic("bolton", "Neglect", Cohort.CIN, null, 5,
                List.of("staff-tm-1"), "staff-qa-1");

        assertThat(swindon).singleElement().extracting(Audit::auditId).isEqualTo("thematic-swindon.neglect-case-7");
        assertThat(bolton).singleElement().extracting(Audit::auditId).isEqualTo("thematic-bolton.neglect-case-7");
        assertThat(story.audits.findByCase("swindon", "case-7")).hasSize(1);
        assertThat(story.audits.findByCase("bolton", "case-7")).hasSize(1);
    }

    @Test
    void aThematicAuditRefusesAuditorsWhoAreNotStaffOfTheCouncil() {
        story.staffMember("swindon", "staff-tm-1", StaffRole.TEAM_MANAGER, "team-1");
        story.staffMember("bolton", "staff-tm-2", StaffRole.TEAM_MANAGER, "team-1");
        story.openCase("swindon", "case-7", "staff-sw-1");

        assertThatThrownBy(() -> story.allocating.thematic("swindon", "Neglect", null, null, 5,
                List.of("staff-tm-1", "staff-tm-2"), "staff-qa-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auditorIds")
                .hasMessageContaining("staff-tm-2");
        assertThat(story.audits.saved).isEmpty();
    }

    @Test
    void anActionIsClosedOnlyByItsOwnerTheAuditorOrTheQaTeamAndVerifiedOnlyByTheQaTeam() {
        story.openCase("swindon", "case-s1", "staff-sw-1");
        story.staffMember("swindon", "staff-tm-7", StaffRole.TEAM_MANAGER, "team-1");
        story.staffMember("swindon", "staff-qa-1", StaffRole.QA_MANAGER, "qa");
        story.staffMember("bolton", "staff-qa-2", StaffRole.QA_MANAGER, "qa");
        story.staffMember("swindon", "staff-tm-8", StaffRole.TEAM_MANAGER, "team-2");
        Audit audit = story.allocating.allocate("case-s1", "staff-tm-7", "staff-qa-1", AuditType.FULL);
        Audit found = story.audits.find(audit.auditId()).orElseThrow();
        found.submit("staff-tm-7", new Audit.Submission(Map.of("chronology", Grade.GOOD), Grade.GOOD, "Sound work.",
                new FamilyFeedback(null, null, null, null, false, "declined"),
                List.of(new AuditAction.Plan("Update chronology", "staff-sw-1", LocalDate.of(2026, 12, 1), false))),
                story.clock.instant());
        story.audits.save(found, List.of());
        String action = audit.auditId() + "-a1";

        assertThatThrownBy(() -> story.tracking.complete(audit.auditId(), action, "staff-tm-8", "done"))
                .isInstanceOf(SecurityException.class).hasMessageContaining("staff-sw-1");
        assertThatThrownBy(() -> story.tracking.notDone(audit.auditId(), action, "staff-qa-2", "no time"))
                .isInstanceOf(SecurityException.class);
        story.tracking.complete(audit.auditId(), action, "staff-sw-1", "Chronology updated");
        assertThatThrownBy(() -> story.tracking.verify(audit.auditId(), action, "staff-tm-7", true, "seen"))
                .isInstanceOf(SecurityException.class).hasMessageContaining("QA team");
        assertThatThrownBy(() -> story.tracking.verify(audit.auditId(), action, "staff-qa-2", true, "seen"))
                .isInstanceOf(SecurityException.class).hasMessageContaining("swindon");
        assertThat(story.tracking.verify(audit.auditId(), action, "staff-qa-1", true, "seen on the file")
                .verification().confirmed()).isTrue();
    }
}
