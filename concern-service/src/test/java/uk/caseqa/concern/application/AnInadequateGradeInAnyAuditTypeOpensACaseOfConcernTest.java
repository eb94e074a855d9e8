package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.FollowUpClosed;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ShortAuditScheduled;

/**
 * For the child, the grade matters, not the audit type: an Inadequate dip sample, caseload, thematic or short audit
 * opens a case of concern for its case, as a moderated full audit does (issue 10; 000 Appendix 2, 001 §7, 002 §7.6,
 * 004 ¶35). The one exception is the re-audit of a case under its own case of concern, which escalates it.
 */
class AnInadequateGradeInAnyAuditTypeOpensACaseOfConcernTest {

    @Test
    void anInadequateThematicAuditOpensOneCaseOfConcernGradedByItsAuditorWhateverTheRedeliveries() {
        ConcernScenario swindon = new ConcernScenario("swindon", Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(swindon.audited(null, "audit-thematic-1", AuditType.THEMATIC, Grade.INADEQUATE,
                Map.of("childs-voice", Grade.INADEQUATE, "chronology", Grade.GOOD))).isTrue();
        assertThat(swindon.audited(null, "audit-thematic-1", AuditType.THEMATIC, Grade.INADEQUATE,
                Map.of("childs-voice", Grade.INADEQUATE))).isFalse();

        assertThat(swindon.published(CaseOfConcernOpened.class)).singleElement().satisfies(e -> {
            assertThat(e.caseOfConcernId()).isEqualTo("coc-audit-thematic-1");
            assertThat(e.caseId()).isEqualTo("case-x");
            assertThat(e.serviceManagerId()).isEqualTo("staff-sm-1");
            assertThat(e.safetyPlanDueBy()).isEqualTo(swindon.clock.instant().plus(Duration.ofHours(24)));
        });
        FollowUp caseOfConcern = swindon.followUp("coc-audit-thematic-1");
        assertThat(caseOfConcern.facts().gradedBy()).hasToString("AUDITOR");
        assertThat(caseOfConcern.facts().concernDomains()).containsExactly("childs-voice");
    }

    @Test
    void aFullOrEarlyHelpAuditWaitsForModerationsGradeInsteadOfOpeningOneItself() {
        ConcernScenario swindon = new ConcernScenario("swindon", Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(swindon.audited(null, "audit-eh-1", AuditType.EARLY_HELP, Grade.INADEQUATE, Map.of())).isFalse();
        assertThat(swindon.audited(null, "audit-full-1", AuditType.FULL, Grade.INADEQUATE, Map.of())).isFalse();

        assertThat(swindon.published(CaseOfConcernOpened.class)).isEmpty();
    }

    @Test
    void goodOrRequiresImprovementInTheseAuditsOpensNothing() {
        ConcernScenario telford = new ConcernScenario("telford-and-wrekin", Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(telford.audited(null, "audit-caseload-1", AuditType.CASELOAD, Grade.REQUIRES_IMPROVEMENT, Map.of()))
                .isFalse();
        assertThat(telford.audited(null, "audit-dip-1", AuditType.DIP_SAMPLE, Grade.GOOD, Map.of())).isFalse();
        assertThat(telford.published()).isEmpty();
    }

    @Test
    void anInadequateDipSampleOfAnotherOfTheWorkersCasesOpensThatCasesOwnAndStillAnswersTheFirst() {
        ConcernScenario wandsworth = new ConcernScenario("wandsworth", Instant.parse("2026-11-20T10:00:00Z"));
        wandsworth.gradedInadequate("audit-1", List.of("chronology"));

        wandsworth.audited("coc-audit-1", "audit-dip-1", AuditType.DIP_SAMPLE, Grade.INADEQUATE,
                Map.of("visits", Grade.INADEQUATE));

        assertThat(wandsworth.published(CaseOfConcernOpened.class)).extracting(CaseOfConcernOpened::caseOfConcernId)
                .containsExactly("coc-audit-1", "coc-audit-dip-1");
        assertThat(wandsworth.followUp("coc-audit-1").dipSampleResults()).singleElement()
                .satisfies(r -> assertThat(r.auditId()).isEqualTo("audit-dip-1"));
        assertThat(wandsworth.followUp("coc-audit-1").status()).isEqualTo(FollowUp.Status.OPEN);
    }

    @Test
    void anInadequateShortAuditAfterRequiresImprovementOpensACaseOfConcernThatTakesOverTheFollowUp() {
        ConcernScenario swindon = new ConcernScenario("swindon", Instant.parse("2023-05-10T09:00:00Z"));
        swindon.gradedRequiresImprovement("audit-2", List.of("chronology"));
        swindon.acceptedByPanel("audit-2");
        swindon.after(Duration.ofDays(40));

        assertThat(swindon.audited("ri-audit-2", "audit-short-2", AuditType.SHORT, Grade.INADEQUATE,
                Map.of("chronology", Grade.INADEQUATE))).isTrue();
        assertThat(swindon.audited("ri-audit-2", "audit-short-2", AuditType.SHORT, Grade.INADEQUATE,
                Map.of("chronology", Grade.INADEQUATE))).isFalse();

        assertThat(swindon.published(CaseOfConcernOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.caseOfConcernId()).isEqualTo("coc-audit-short-2"));
        assertThat(swindon.published(FollowUpClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("SUPERSEDED"));
        assertThat(swindon.published(ShortAuditScheduled.class)).hasSize(1); // the first one only: no second cycle
        assertThat(swindon.followUp("ri-audit-2").nextDueAt()).isNull();
    }

    @Test
    void theReAuditOfACaseUnderItsOwnCaseOfConcernEscalatesItAndOpensNoSecond() {
        ConcernScenario bolton = new ConcernScenario("bolton", Instant.parse("2026-11-20T10:00:00Z"));
        bolton.gradedInadequate("audit-3", List.of());
        bolton.after(Duration.ofDays(41));

        bolton.audited("coc-audit-3", "audit-short-3", AuditType.SHORT, Grade.INADEQUATE, Map.of());

        assertThat(bolton.published(CaseOfConcernOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.caseOfConcernId()).isEqualTo("coc-audit-3"));
        assertThat(bolton.published(CaseOfConcernEscalated.class)).singleElement();
    }
}
