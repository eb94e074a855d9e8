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
        assertThat(templates.inForce("swindon", AuditType.FULL, today).familyFeedbackQuestions())
                .contains("Do you want to hear how your feedback changed practice?");
    }

    @Test
    void gradesForDomainsTheTemplateDoesNotHaveAreFieldErrors() throws IOException {
        AuditTemplate bolton = templates().inForce("bolton", AuditType.FULL, LocalDate.of(2026, 11, 25));

        assertThat(bolton.check(Map.of("childs-voice", Grade.GOOD, "cultural-competence", Grade.GOOD), Grade.GOOD))
                .containsOnlyKeys("domainGrades.cultural-competence");
    }
}
