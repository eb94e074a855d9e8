package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.caseqa.moderation.domain.ModerationFixture.AUDITOR;
import static uk.caseqa.moderation.domain.ModerationFixture.DUE;
import static uk.caseqa.moderation.domain.ModerationFixture.MODERATOR;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.auditGraded;
import static uk.caseqa.moderation.domain.ModerationFixture.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.ModerationOverdue;

/**
 * Bolton moderates every audit, but when it arrives the only eligible moderator is the auditor (or the staff events
 * have not arrived yet). The audit must not wait for ever without anyone knowing.
 */
class AnAuditWithNoModeratorAvailableTest {

    static final List<Candidate> ONLY_THE_AUDITOR = List.of(new Candidate(AUDITOR, 0));

    static List<EventPayload> fired(Moderation moderation, Instant now) {
        int before = moderation.raised().size();
        moderation.fireDueDeadlines(now);
        return moderation.raised().subList(before, moderation.raised().size());
    }

    @Test
    void itLooksAgainForAModeratorAndAssignsOneWithinTheDeadlineSetWhenItArrived() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("bolton"), ONLY_THE_AUDITOR, NOW, DUE);
        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_MODERATOR);
        assertThat(moderation.nextDueAt()).isEqualTo(NOW.plus(Moderation.MODERATOR_SEARCH_INTERVAL));

        Instant later = NOW.plus(Moderation.MODERATOR_SEARCH_INTERVAL);
        assertThat(moderation.moderatorSearchDue(later)).isTrue();
        moderation.lookForModerator(ONLY_THE_AUDITOR, later, later.plus(Duration.ofDays(5)));
        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_MODERATOR);
        assertThat(moderation.nextDueAt()).isEqualTo(later.plus(Moderation.MODERATOR_SEARCH_INTERVAL));

        Instant registered = later.plus(Moderation.MODERATOR_SEARCH_INTERVAL);
        moderation.lookForModerator(List.of(new Candidate(AUDITOR, 0), new Candidate(MODERATOR, 2)), registered,
                registered.plus(Duration.ofDays(5)));

        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_DECISION);
        assertThat(moderation.moderatorId()).isEqualTo(MODERATOR);
        assertThat(moderation.raised()).last().isInstanceOfSatisfying(ModerationAssigned.class,
                a -> assertThat(a.dueBy()).isEqualTo(DUE));
        assertThat(moderation.moderatorSearchDue(registered.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void ifNobodyCanBeAssignedByTheDeadlineTheQaManagerIsToldOnce() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("bolton"), ONLY_THE_AUDITOR, NOW, DUE);

        assertThat(fired(moderation, DUE)).singleElement().isInstanceOfSatisfying(ModerationOverdue.class, overdue -> {
            assertThat(overdue.moderatorId()).isNull();
            assertThat(overdue.dueBy()).isEqualTo(DUE);
        });
        assertThat(fired(moderation, DUE.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(moderation.history()).last().extracting(Transition::what).asString()
                .contains("no moderator could be assigned");
    }

    @Test
    void aModeratorFoundAfterTheEscalationGetsAFreshDeadline() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("bolton"), ONLY_THE_AUDITOR, NOW, DUE);
        fired(moderation, DUE);
        Instant found = DUE.plus(Duration.ofHours(1));

        moderation.lookForModerator(List.of(new Candidate(MODERATOR, 0)), found, found.plus(Duration.ofDays(5)));

        assertThat(moderation.moderatorId()).isEqualTo(MODERATOR);
        assertThat(moderation.nextDueAt()).isEqualTo(found.plus(Duration.ofDays(5)));
    }
}
