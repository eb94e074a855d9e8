package uk.caseqa.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditStatus;
import uk.caseqa.audit.domain.FamilyFeedback;
import uk.caseqa.audit.domain.OtherFeedback;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.web.InvalidFieldsException;

/**
 * Bolton's tool has areas for the allocated social worker's feedback and professionals' (002 §3, §7); Telford
 * contacts a lead agency (003); Swindon compares the family's view with the practitioner's (001 §3). After the audit
 * closes, the team manager and the practitioner reflect on it in supervision (000 §2.4, 004 ¶34, 002 §7.8).
 */
class AnAuditRecordsTheFeedbackItsCouncilAsksForAndTheReflectionInSupervisionTest {

    final AuditUseCases story = new AuditUseCases();
    static final FamilyFeedback MOTHER = new FamilyFeedback("mother", "yes", "yes", "call back sooner", true, null);

    @AfterEach
    void stop() {
        story.close();
    }

    Audit allocated(String council) {
        story.openCase(council, "case-1", "staff-sw-1");
        story.staffMember(council, "staff-tm-7", StaffRole.TEAM_MANAGER, "team-1");
        return story.allocating.allocate("case-1", "staff-tm-7", "staff-qa-1", AuditType.FULL);
    }

    Audit.Submission everyDomainGood(Audit audit, List<OtherFeedback> otherFeedback) {
        Map<String, Grade> grades = new HashMap<>();
        story.templates.byReference(audit.templateReference()).domains().forEach(d -> grades.put(d.key(), Grade.GOOD));
        return new Audit.Submission(grades, Grade.GOOD, "Good work with the family.", MOTHER, List.of(), otherFeedback);
    }

    @Test
    void boltonRefusesAnAuditWithoutThePractitionersAndAProfessionalsFeedbackFieldByField() {
        Audit audit = allocated("bolton");

        assertThatThrownBy(() -> story.completing.submit(audit.auditId(), "staff-tm-7", everyDomainGood(audit, List.of())))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("otherFeedback.PRACTITIONER", "otherFeedback.PROFESSIONAL"));

        Audit submitted = story.completing.submit(audit.auditId(), "staff-tm-7", everyDomainGood(audit, List.of(
                new OtherFeedback(OtherFeedback.Source.PRACTITIONER, "staff-sw-1", "The plan is working.", null),
                new OtherFeedback(OtherFeedback.Source.PROFESSIONAL, "school", null, "the school did not reply"))));
        assertThat(submitted.status()).isEqualTo(AuditStatus.COMPLETED);
    }

    @Test
    void telfordAsksTheLeadAgencyAndWandsworthAsksForNoFeedbackBeyondTheFamilys() {
        Audit telford = allocated("telford-and-wrekin");
        assertThatThrownBy(() -> story.completing.submit(telford.auditId(), "staff-tm-7",
                everyDomainGood(telford, List.of()))).isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("otherFeedback.LEAD_AGENCY"));

        story.cases.open.clear();
        Audit wandsworth = allocated("wandsworth");
        assertThat(story.completing.submit(wandsworth.auditId(), "staff-tm-7", everyDomainGood(wandsworth, List.of()))
                .status()).isEqualTo(AuditStatus.COMPLETED);
    }

    @Test
    void everyDomainOfTheTemplateIsGradedBeforeAFullAuditIsAccepted() {
        Audit audit = allocated("wandsworth");

        assertThatThrownBy(() -> story.completing.submit(audit.auditId(), "staff-tm-7", new Audit.Submission(
                Map.of("childs-voice", Grade.GOOD), Grade.GOOD, "Good.", MOTHER, List.of())))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .containsKey("domainGrades.chronology").doesNotContainKey("domainGrades.childs-voice"));
        assertThat(story.audits.saved.get(audit.auditId()).status()).isEqualTo(AuditStatus.ALLOCATED);
    }

    @Test
    void theCasesTeamManagerRecordsTheReflectionInSupervisionOnceTheAuditIsClosed() {
        Audit audit = allocated("wandsworth");
        story.completing.submit(audit.auditId(), "staff-tm-7", everyDomainGood(audit, List.of()));
        LocalDate supervision = LocalDate.of(2026, 11, 2);

        assertThatThrownBy(() -> story.completing.reflectedInSupervision(audit.auditId(), "staff-tm-1", supervision,
                "Discussed the findings.")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        Audit closed = story.audits.saved.get(audit.auditId());
        closed.closed();
        story.audits.save(closed, List.of());

        assertThatThrownBy(() -> story.completing.reflectedInSupervision(audit.auditId(), "staff-tm-7", supervision,
                "not the case's team manager")).isInstanceOf(SecurityException.class).hasMessageContaining("staff-tm-1");
        assertThatThrownBy(() -> story.completing.reflectedInSupervision(audit.auditId(), "staff-tm-1",
                supervision.plusDays(7), "a day to come")).isInstanceOf(IllegalArgumentException.class);
        Audit reflected = story.completing.reflectedInSupervision(audit.auditId(), "staff-tm-1", supervision,
                "Discussed the findings; the chronology is being updated.");

        assertThat(reflected.reflection().reflectedOn()).isEqualTo(supervision);
        assertThat(reflected.reflection().recordedBy()).isEqualTo("staff-tm-1");
        assertThatThrownBy(() -> story.completing.reflectedInSupervision(audit.auditId(), "staff-tm-1", supervision,
                "again")).isInstanceOf(IllegalStateException.class).hasMessageContaining("was recorded on");
    }

    @Test
    void theObserverRecordsTheReflectiveDiscussionAfterAPracticeObservation() {
        story.openCase("swindon", "case-1", "staff-sw-1");
        story.staffMember("swindon", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1");
        Audit observation = story.allocating.allocate("case-1", "staff-sm-1", "staff-qa-1",
                AuditType.PRACTICE_OBSERVATION);
        Map<String, Grade> grades = new HashMap<>();
        story.templates.byReference(observation.templateReference()).domains()
                .forEach(d -> grades.put(d.key(), Grade.GOOD));
        story.completing.submit(observation.auditId(), "staff-sm-1", new Audit.Submission(grades, Grade.GOOD,
                "A warm, focused visit.", new FamilyFeedback(null, null, null, null, false, "an observed visit"),
                List.of()));

        Audit reflected = story.completing.reflectedInSupervision(observation.auditId(), "staff-sm-1",
                LocalDate.of(2026, 11, 2), "Reflective discussion with the worker; no training need identified.");

        assertThat(reflected.reflection().recordedBy()).as("001 §6.2").isEqualTo("staff-sm-1");
    }
}
