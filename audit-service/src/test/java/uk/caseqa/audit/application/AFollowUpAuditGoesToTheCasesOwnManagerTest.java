package uk.caseqa.audit.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.StaffRole;

/**
 * Wandsworth (004 ¶35): service managers complete the follow-up audits of their cases. A re-audit the profile gives
 * to the service manager goes to the case's own one, not to whichever service manager the council lists first; one
 * given to the QA manager goes to the council's QA manager.
 */
class AFollowUpAuditGoesToTheCasesOwnManagerTest {

    final AuditUseCases story = new AuditUseCases();

    @AfterEach
    void stop() {
        story.close();
    }

    @Test
    void aReAuditForTheServiceManagerGoesToTheCasesServiceManager() {
        story.staffMember("wandsworth", "staff-sm-0", StaffRole.SERVICE_MANAGER, "team-9");
        story.staffMember("wandsworth", "staff-sm-1", StaffRole.SERVICE_MANAGER, "team-1");
        story.openCase("wandsworth", "case-1", "staff-sw-1");

        story.followUps.reAuditScheduled(story.envelope("wandsworth", "coc-audit-1", new ReAuditScheduled(
                "coc-audit-1", "audit-1", "case-1", Instant.parse("2027-01-01T09:00:00Z"), 1,
                StaffRole.SERVICE_MANAGER)));

        assertThat(story.audits.answering("wandsworth", "coc-audit-1")).singleElement()
                .extracting(Audit::auditorId).isEqualTo("staff-sm-1");
    }

    @Test
    void aReAuditForTheQaManagerGoesToTheCouncilsQaManager() {
        story.staffMember("swindon", "staff-qa-1", StaffRole.QA_MANAGER, null);
        story.openCase("swindon", "case-2", "staff-sw-1");

        story.followUps.reAuditScheduled(story.envelope("swindon", "coc-audit-2", new ReAuditScheduled(
                "coc-audit-2", "audit-2", "case-2", Instant.parse("2027-01-01T09:00:00Z"), 1, StaffRole.QA_MANAGER)));

        assertThat(story.audits.answering("swindon", "coc-audit-2")).singleElement()
                .extracting(Audit::auditorId).isEqualTo("staff-qa-1");
    }
}
