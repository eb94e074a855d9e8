package uk.caseqa.audit.domain;

import uk.caseqa.testsupport.ServiceConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Grade;

class TemplatesByCouncilAndVersionTest {

    static AuditTemplates templates() throws IOException {
        return new AuditTemplates(ServiceConfiguration.of("audit-service.yml")
                .bind("caseqa.audit.templates", Bindable.listOf(AuditTemplate.class)));
    }

    @Test
    void anAuditAllocatedUnderTheOldVersionKeepsItWhileNewAuditsGetTheNewOne() throws IOException {
        AuditTemplates templates = templates();

        assertThat(templates.inForce("swindon", AuditType.FULL, LocalDate.of(2024, 9, 30)).reference()).isEqualTo("swindon-full@v1");
        assertThat(templates.inForce("swindon", AuditType.FULL, LocalDate.of(2024, 10, 1)).reference()).isEqualTo("swindon-full@v2");
        assertThat(templates.byReference("swindon-full@v1").version()).isEqualTo(1);
    }

    @Test
    void eachCouncilAndAuditTypeHasItsOwnDomainsAndOthersFallBackToTheDefault() throws IOException {
        AuditTemplates templates = templates();
        LocalDate today = LocalDate.of(2026, 11, 25);

        assertThat(templates.inForce("bolton", AuditType.FULL, today).domains()).extracting(AuditTemplate.Domain::key)
                .contains("parent-carer-engagement");
        assertThat(templates.inForce("telford-and-wrekin", AuditType.FULL, today).domains())
                .extracting(AuditTemplate.Domain::key).contains("visits", "recording");
        assertThat(templates.inForce("wandsworth", AuditType.FULL, today).id()).isEqualTo("full");
        assertThat(templates.inForce("bolton", AuditType.SHORT, today).domains()).extracting(AuditTemplate.Domain::key)
                .contains("actions-completed");
        assertThat(templates.inForce("swindon", AuditType.FULL, LocalDate.of(2024, 9, 30)).familyFeedbackQuestions())
                .contains("Do you want to hear how your feedback changed practice?");
    }

    @Test
    void gradesForDomainsTheTemplateDoesNotHaveAreFieldErrors() throws IOException {
        AuditTemplate bolton = templates().inForce("bolton", AuditType.FULL, LocalDate.of(2026, 11, 25));
        Map<String, Grade> everyDomain = new java.util.HashMap<>();
        bolton.domains().forEach(d -> everyDomain.put(d.key(), Grade.GOOD));
        everyDomain.put("cultural-competence", Grade.GOOD);

        assertThat(bolton.check(everyDomain, Grade.GOOD)).containsOnlyKeys("domainGrades.cultural-competence");
    }

    @Test
    void boltonMeasuresAllSixDomainsInEveryAuditSoAnUngradedOneIsAFieldError() throws IOException {
        AuditTemplate bolton = templates().inForce("bolton", AuditType.FULL, LocalDate.of(2026, 11, 25));

        assertThat(bolton.domains()).hasSize(6);
        assertThat(bolton.check(Map.of("childs-voice", Grade.GOOD), Grade.GOOD)).as("002 §5")
                .containsOnlyKeys("domainGrades.quality-of-assessment", "domainGrades.quality-of-planning",
                        "domainGrades.chronology", "domainGrades.management-oversight",
                        "domainGrades.parent-carer-engagement")
                .containsEntry("domainGrades.chronology",
                        "grade Chronology and case summary: every domain of bolton-full@v1 is graded");
    }

    @Test
    void aDipSampleGradesOnlyTheDomainsItsThemeTouches() throws IOException {
        AuditTemplate dipSample = templates().inForce("swindon", AuditType.DIP_SAMPLE, LocalDate.of(2026, 11, 25));

        assertThat(dipSample.everyDomainRequired()).isFalse();
        assertThat(dipSample.check(Map.of("chronology", Grade.REQUIRES_IMPROVEMENT), Grade.REQUIRES_IMPROVEMENT))
                .isEmpty();
    }

    @Test
    void swindons2024TemplateGradesTheFamilySafeguardingPrinciplesAndThe2019OneDoesNot() throws IOException {
        AuditTemplates templates = templates();
        AuditTemplate v1 = templates.byReference("swindon-full@v1");
        AuditTemplate v2 = templates.byReference("swindon-full@v2");

        assertThat(v2.domains()).extracting(AuditTemplate.Domain::key).as("001 §5.1").containsExactly(
                "reasons-for-involvement", "consent", "wider-family", "cultural-competence", "childs-voice",
                "partnership-working", "chronology", "management-oversight");
        assertThat(v1.domains()).extracting(AuditTemplate.Domain::key).as("not back-dated into 2019")
                .doesNotContain("reasons-for-involvement", "consent", "wider-family", "cultural-competence");
        assertThat(v2.familyFeedbackQuestions()).as("001 §2").hasSize(7)
                .anySatisfy(q -> assertThat(q).contains("right to choose whether to accept help"));
        assertThat(v1.familyFeedbackQuestions()).as("000 §2.3")
                .contains("Do you want to hear how your feedback changed practice?");
    }

    @Test
    void telfordGradesItsAssessmentAndSupervisionStandardsAndAnyCouncilCanRunAdHocAndSupervisionAudits()
            throws IOException {
        AuditTemplates templates = templates();
        LocalDate today = LocalDate.of(2026, 11, 25);

        assertThat(templates.inForce("telford-and-wrekin", AuditType.FULL, today).domains())
                .extracting(AuditTemplate.Domain::key).as("003 quality standards")
                .contains("quality-of-assessment", "management-oversight", "visits", "recording");
        assertThat(templates.inForce("wandsworth", AuditType.AD_HOC, today).everyDomainRequired()).isFalse();
        assertThat(templates.inForce("telford-and-wrekin", AuditType.SUPERVISION, today).domains())
                .extracting(AuditTemplate.Domain::key).contains("reflective-supervision", "actions-tracked");
    }
}
