package uk.caseqa.audit.application;

import uk.caseqa.testsupport.ServiceConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import uk.caseqa.audit.domain.AuditCycle;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.contracts.StaffRole;

/** One allocation of a drawn cycle cannot be made (its case is not known at that moment): the others still are. */
class ACycleWithACaseGoneSinceTheDrawTest {

    final AuditUseCases story = new AuditUseCases();
    final Map<String, AuditCycle> cycles = new HashMap<>();
    final RunningAuditCycles running = new RunningAuditCycles(programmes(), story.templates, story.cases, story.audits,
            new AuditCycles() {
                @Override
                public boolean insertIfAbsent(AuditCycle cycle) {
                    return cycles.putIfAbsent(cycle.cycleId(), cycle) == null;
                }

                @Override
                public Optional<AuditCycle> find(String cycleId) {
                    return Optional.ofNullable(cycles.get(cycleId));
                }
            }, story.staff, story.events, story.clock);

    static AuditProgrammes programmes() {
        return new AuditProgrammes(ServiceConfiguration.of("audit-service.yml")
                .bind("caseqa.audit.programmes", Bindable.listOf(AuditProgramme.class)));
    }

    @AfterEach
    void stop() {
        story.close();
    }

    @Test
    void theOtherAuditsAreAllocatedAndARerunAllocatesTheMissingOneOnceItsCaseIsKnown() {
        for (int n = 1; n <= 3; n++) {
            story.staffMember("bolton", "staff-tm-" + n, StaffRole.TEAM_MANAGER, "team-1");
        }
        for (int n = 1; n <= 5; n++) {
            story.openCase("bolton", "case-" + n, "staff-sw-" + n);
        }
        AuditCycle drawn = running.run("bolton", 42L, "staff-qa-1");
        int drawnAudits = (int) drawn.allocations().stream().filter(a -> a.auditId() != null).count();
        assertThat(drawnAudits).isEqualTo(5);
        String missing = drawn.allocations().get(0).caseId();
        story.audits.saved.clear();
        story.cases.notKnownYet.add(missing);

        running.run("bolton", 42L, "staff-qa-1");
        assertThat(story.audits.saved).hasSize(4);

        running.run("bolton", 42L, "staff-qa-1");
        assertThat(story.audits.saved).hasSize(5);
    }
}
