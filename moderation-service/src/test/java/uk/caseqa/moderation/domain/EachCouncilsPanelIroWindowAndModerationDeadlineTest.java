package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.caseqa.moderation.domain.ModerationFixture.DUE;
import static uk.caseqa.moderation.domain.ModerationFixture.MODERATOR;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.WORKING_DAYS;
import static uk.caseqa.moderation.domain.ModerationFixture.auditGraded;
import static uk.caseqa.moderation.domain.ModerationFixture.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationWaived;

/**
 * Swindon's frameworks (000 Appendix 1; 001 carries its flowchart forward, not stated otherwise) have a QA panel
 * closing audits within 2 working days and a 72-hour window for the IRO / CP chair; Telford (003) has a moderation
 * panel. Bolton's cycle ends with moderation (002 §7.7) and Wandsworth (004 ¶29) has no panel: there an audit closes
 * once moderated, and no IRO comment window is set. The moderation deadline is the one given at allocation (002 §7.1).
 */
class EachCouncilsPanelIroWindowAndModerationDeadlineTest {

    static final List<Candidate> POOL = List.of(new Candidate(MODERATOR, 0));
    static final Instant DECIDED = NOW.plus(Duration.ofDays(1));

    @ParameterizedTest(name = "{0}: QA panel {1}, IRO window {2} hours")
    @CsvSource(nullValues = "none", value = {"swindon-2019, true, 72", "swindon-2024, true, 72",
            "bolton, false, none", "telford-and-wrekin, true, none", "wandsworth, false, none", "default, true, 72"})
    void eachCouncilHasThePanelAndIroWindowItsFrameworkStates(String profileId, boolean panel, Integer iroHours) {
        ModerationProfile profile = profile(profileId);

        assertThat(profile.qaPanel()).isEqualTo(panel);
        assertThat(profile.iroCommentHours()).isEqualTo(iroHours);
        assertThat(profile.asksIroForComments()).isEqualTo(iroHours != null);
    }

    @Test
    void boltonClosesAnAuditOnceItIsModeratedWithNoPanel() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("bolton"), POOL, NOW, DUE);

        moderation.decide(MODERATOR, new Decision(Grade.GOOD, "agree", null), DECIDED);

        assertThat(moderation.status()).isEqualTo(ModerationStatus.CLOSED);
        assertThat(moderation.closedAt()).isEqualTo(DECIDED);
        assertThat(moderation.nextDueAt()).isNull();
        assertThat(moderation.raised()).last().isInstanceOfSatisfying(AuditClosed.class, closed -> {
            assertThat(closed.panelId()).isNull();
            assertThat(closed.closedBy()).isEqualTo(MODERATOR);
            assertThat(closed.late()).isFalse();
        });
    }

    @Test
    void anAuditWandsworthDoesNotSampleForModerationClosesAtOnce() {
        String notSampled = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "audit-" + i)
                .filter(id -> !profile("wandsworth").selects(id, Grade.GOOD).moderate()).findFirst().orElseThrow();

        Moderation moderation = Moderation.start(auditGraded(notSampled, Grade.GOOD), profile("wandsworth"), POOL, NOW,
                DUE);

        assertThat(moderation.status()).isEqualTo(ModerationStatus.CLOSED);
        assertThat(moderation.raised()).hasExactlyElementsOfTypes(ModerationWaived.class, AuditClosed.class);
        assertThat(moderation.closedBy()).isEqualTo("system");
    }

    @Test
    void swindon2019AndTelfordStillQueueAuditsForTheirPanel() {
        Moderation swindon = Moderation.start(auditGraded(Grade.GOOD), profile("swindon-2019"), POOL, NOW, DUE);
        swindon.decide(MODERATOR, new Decision(Grade.GOOD, "agree", null), DECIDED);
        Moderation telford = Moderation.start(auditGraded(Grade.GOOD), profile("telford-and-wrekin"), POOL, NOW, DUE);

        assertThat(swindon.status()).isEqualTo(ModerationStatus.AWAITING_PANEL);
        assertThat(telford.status()).isEqualTo(ModerationStatus.AWAITING_PANEL);
        assertThat(swindon.raised()).noneMatch(AuditClosed.class::isInstance);
    }

    @Test
    void theModerationDeadlineIsTheOneGivenAtAllocation() {
        Instant givenAtAllocation = NOW.plus(Duration.ofDays(10));

        assertThat(profile("bolton").moderationDueBy(givenAtAllocation, NOW, WORKING_DAYS)).isEqualTo(givenAtAllocation);
    }

    @Test
    void anAuditArrivingWithoutADeadlineOrAfterItGetsTheProfilesWorkingDaysFromArrival() {
        Instant friday = Instant.parse("2026-11-20T10:00:00Z");
        ModerationProfile bolton = profile("bolton");

        Instant withoutOne = bolton.moderationDueBy(null, friday, WORKING_DAYS);
        Instant afterIt = bolton.moderationDueBy(friday.minus(Duration.ofDays(1)), friday, WORKING_DAYS);

        assertThat(withoutOne).isEqualTo(afterIt);
        assertThat(withoutOne).as("the end of Friday 27 November, five working days on")
                .isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void aProfileThatSetsAPanelCloseDeadlineWithoutAPanelRefusesToStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ModerationProfile("x", "x",
                java.time.LocalDate.of(2020, 1, 1), "s", ModerationProfile.Coverage.ALL, 0, null, null, 5, null, false,
                false, 2)).hasMessageContaining("panel-close-working-days is set exactly when qa-panel is true");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ModerationProfile("x", "x",
                java.time.LocalDate.of(2020, 1, 1), "s", ModerationProfile.Coverage.ALL, 0, null, null, 5, 0, false,
                false, null)).hasMessageContaining("iro-comment-hours must be at least 1");
    }
}
