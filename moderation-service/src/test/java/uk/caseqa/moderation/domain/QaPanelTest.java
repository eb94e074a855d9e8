package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.caseqa.moderation.domain.ModerationFixture.DUE;
import static uk.caseqa.moderation.domain.ModerationFixture.MODERATOR;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.WORKING_DAYS;
import static uk.caseqa.moderation.domain.ModerationFixture.auditGraded;
import static uk.caseqa.moderation.domain.ModerationFixture.awaitingDecision;
import static uk.caseqa.moderation.domain.ModerationFixture.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.PanelCloseOverdue;

class QaPanelTest {

    static Moderation moderatedAndQueued() {
        Moderation moderation = awaitingDecision(Grade.GOOD);
        moderation.decide(MODERATOR, new Decision(Grade.GOOD, "agree", null), NOW);
        return moderation;
    }

    @Test
    void aPanelHasAtMostFourMembersAndOnlyMembersDecide() {
        assertThatThrownBy(() -> new Panel("p", "swindon", LocalDate.of(2026, 12, 3),
                List.of("a", "b", "c", "d", "e"), "qa")).isInstanceOf(IllegalArgumentException.class);
        Panel panel = new Panel("p", "swindon", LocalDate.of(2026, 12, 3), List.of("a", "b"), "qa");
        assertThatThrownBy(() -> panel.requireMember("z")).isInstanceOf(SecurityException.class);
    }

    @Test
    void closingWithinTwoWorkingDaysCountsAcrossAWeekend() {
        LocalDate fridayPanel = LocalDate.of(2026, 12, 18);
        Instant closeBy = WorkingDays.endOf(WORKING_DAYS.after(fridayPanel, 2));
        assertThat(closeBy).isEqualTo(Instant.parse("2026-12-23T00:00:00Z"));

        Moderation moderation = moderatedAndQueued();
        moderation.acceptedByPanel("panel-swindon-2026-12-18", "staff-qa-1", "consistent grading", NOW, closeBy);
        moderation.close("staff-qa-1", Instant.parse("2026-12-22T16:00:00Z"));

        assertThat(moderation.raised()).filteredOn(AuditClosed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AuditClosed) e).late()).isFalse());
        assertThat(moderation.fireDueDeadlines(Instant.parse("2027-01-10T00:00:00Z"))).isFalse();
    }

    @Test
    void closeOverdueCountsPastGoodFridayAndEasterMondayAndFiresOnce() {
        LocalDate maundyThursdayPanel = LocalDate.of(2026, 4, 2);
        Instant closeBy = WorkingDays.endOf(WORKING_DAYS.after(maundyThursdayPanel, 2));
        assertThat(closeBy).isEqualTo(Instant.parse("2026-04-08T23:00:00Z"));

        Moderation moderation = moderatedAndQueued();
        moderation.acceptedByPanel("panel-swindon-2026-04-02", "staff-qa-1", "findings", NOW, closeBy);

        assertThat(moderation.fireDueDeadlines(Instant.parse("2026-04-08T22:59:00Z"))).isFalse();
        assertThat(moderation.fireDueDeadlines(closeBy)).isTrue();
        assertThat(moderation.fireDueDeadlines(closeBy.plus(Duration.ofDays(5)))).isFalse();
        assertThat(moderation.raised()).filteredOn(PanelCloseOverdue.class::isInstance).hasSize(1);
        moderation.close("staff-qa-1", closeBy.plus(Duration.ofDays(6)));
        assertThat(moderation.raised()).filteredOn(AuditClosed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AuditClosed) e).late()).isTrue());
    }

    @Test
    void aReturnedModeratedAuditGoesBackToItsModeratorWhenResubmitted() {
        Moderation moderation = moderatedAndQueued();

        moderation.returnedByPanel("panel-swindon-2026-12-03", "staff-qa-1", "Family feedback incomplete.", NOW);
        assertThat(moderation.raised()).filteredOn(AuditReturned.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AuditReturned) e).auditorId()).isEqualTo(ModerationFixture.AUDITOR));
        assertThatThrownBy(() -> moderation.close("staff-qa-1", NOW)).isInstanceOf(IllegalStateException.class);

        moderation.resubmitted(auditGraded(Grade.INADEQUATE), NOW.plus(Duration.ofDays(2)), DUE.plus(Duration.ofDays(2)));

        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_DECISION);
        assertThat(moderation.moderatorId()).isEqualTo(MODERATOR);
        assertThat(moderation.raised()).filteredOn(ModerationAssigned.class::isInstance).hasSize(2);
        assertThat(moderation.raised()).filteredOn(GradeInadequate.class::isInstance).hasSize(1);
    }

    @Test
    void aReturnedUnmoderatedAuditGoesBackToThePanelQueue() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("telford-and-wrekin"), List.of(),
                NOW, DUE);
        moderation.returnedByPanel("panel-telford-and-wrekin-2026-12-03", "staff-qa-1", "More evidence.", NOW);

        moderation.resubmitted(auditGraded(Grade.GOOD), NOW.plus(Duration.ofDays(1)), DUE);

        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_PANEL);
    }
}
