package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.caseqa.moderation.domain.ModerationFixture.AUDITOR;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.WEEK;
import static uk.caseqa.moderation.domain.ModerationFixture.auditGraded;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationAssigned;

class ChoosingAModeratorTest {

    @Test
    void theAuditorIsNeverChosenEvenWhenTheyHaveTheLightestLoad() {
        var pool = List.of(new Candidate(AUDITOR, 0), new Candidate("staff-sm-2", 3), new Candidate("staff-sm-3", 5));

        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), pool, NOW, WEEK);

        assertThat(moderation.moderatorId()).isEqualTo("staff-sm-2");
        assertThat(moderation.dueBy()).isEqualTo(NOW.plus(WEEK));
        assertThat(moderation.raised()).singleElement().isInstanceOf(ModerationAssigned.class);
    }

    @Test
    void equalLoadsAreBrokenByStaffIdSoTheChoiceIsReproducible() {
        var pool = List.of(new Candidate("staff-b", 1), new Candidate("staff-a", 1));

        assertThat(ModeratorChoice.choose(pool, AUDITOR)).get().extracting(Candidate::staffId).isEqualTo("staff-a");
    }

    @Test
    void withNoOneElseInThePoolTheModerationWaitsForAModerator() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), List.of(new Candidate(AUDITOR, 0)), NOW, WEEK);

        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_MODERATOR);
        assertThat(moderation.raised()).isEmpty();
        assertThatThrownBy(() -> moderation.assign(AUDITOR, "by hand", NOW, WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auditor");
    }
}
