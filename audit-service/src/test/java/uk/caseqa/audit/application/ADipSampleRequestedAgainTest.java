package uk.caseqa.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.contracts.DipSampleRequested;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffRole;

/** Wandsworth (004): an Inadequate grade asks for a dip sample of the worker's other cases, a fixed number of them. */
class ADipSampleRequestedAgainTest {

    final AuditUseCases story = new AuditUseCases();

    @AfterEach
    void stop() {
        story.close();
    }

    @Test
    void aRequestRedeliveredAfterAPartialFailureAndACaseClosedStillMakesOnlyItsCount() {
        story.openCase("wandsworth", "case-0", "staff-sw-1");
        for (int n = 1; n <= 6; n++) {
            story.openCase("wandsworth", "case-" + n, "staff-sw-1");
        }
        EventEnvelope<DipSampleRequested> request = story.envelope("wandsworth", "coc-audit-1",
                new DipSampleRequested("coc-audit-1", "audit-1", "case-0", "staff-sw-1", 3, StaffRole.TEAM_MANAGER,
                        List.of("quality-of-planning"), Instant.parse("2026-11-30T09:00:00Z")));
        // the draw is reproducible: one case of it is unknown for a moment, so the first delivery fails partway
        List<String> firstDraw = drawOf(request);
        story.cases.notKnownYet.add(firstDraw.get(1));
        assertThatThrownBy(() -> story.followUps.dipSampleRequested(request)).isInstanceOf(IllegalStateException.class);
        assertThat(sampled()).containsExactly(firstDraw.get(0));
        story.cases.open.remove(firstDraw.get(0));

        story.followUps.dipSampleRequested(request);
        story.followUps.dipSampleRequested(request);

        assertThat(sampled()).hasSize(3).doesNotHaveDuplicates().doesNotContain("case-0");
    }

    private List<String> drawOf(EventEnvelope<DipSampleRequested> request) {
        try (AuditUseCases dryRun = new AuditUseCases()) {
            story.cases.open.values().forEach(c -> dryRun.openCase(c.localAuthority(), c.caseId(), c.socialWorkerId()));
            dryRun.followUps.dipSampleRequested(request);
            return dryRun.audits.saved.values().stream().map(a -> a.auditedCase().caseId()).toList();
        }
    }

    private List<String> sampled() {
        return story.audits.answering("wandsworth", "coc-audit-1").stream().map(Audit::auditedCase)
                .map(c -> c.caseId()).toList();
    }

    @Test
    void aTeamManagerWhoHoldsTheSampledCasesThemselvesIsNotGivenThemTheirServiceManagerIs() {
        for (int n = 0; n <= 3; n++) {
            story.openCase("wandsworth", "case-" + n, "staff-tm-1");
        }
        EventEnvelope<DipSampleRequested> request = story.envelope("wandsworth", "coc-audit-2",
                new DipSampleRequested("coc-audit-2", "audit-2", "case-0", "staff-tm-1", 3, StaffRole.TEAM_MANAGER,
                        List.of("quality-of-planning"), Instant.parse("2026-11-30T09:00:00Z")));

        assertThat(story.followUps.dipSampleRequested(request)).isEqualTo(3);

        assertThat(story.audits.answering("wandsworth", "coc-audit-2")).extracting(Audit::auditorId)
                .containsOnly("staff-sm-1");
    }
}
