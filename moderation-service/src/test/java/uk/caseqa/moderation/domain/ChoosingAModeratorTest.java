package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.caseqa.moderation.domain.ModerationFixture.AUDITOR;
import static uk.caseqa.moderation.domain.ModerationFixture.DUE;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.auditGraded;
import static uk.caseqa.moderation.domain.ModerationFixture.profile;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationAssigned;

class ChoosingAModeratorTest {

    @Test
    void theAuditorIsNeverChosenEvenWhenTheyHaveTheLightestLoad() {
        var pool = List.of(new Candidate(AUDITOR, 0), new Candidate("staff-sm-2", 3), new Candidate("staff-sm-3", 5));

        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("bolton"), pool, NOW, DUE);

        assertThat(moderation.moderatorId()).isEqualTo("staff-sm-2");
        assertThat(moderation.assignmentReason()).contains("least-loaded").contains("not the auditor");
        assertThat(moderation.deadlines()).singleElement().satisfies(d -> assertThat(d.dueAt()).isEqualTo(DUE));
        assertThat(moderation.raised()).singleElement().isInstanceOf(ModerationAssigned.class);
    }

    @Test
    void equalLoadsAreBrokenByStaffIdSoTheChoiceIsReproducible() {
        var pool = List.of(new Candidate("staff-b", 1), new Candidate("staff-a", 1));

        assertThat(ModeratorChoice.choose(pool, AUDITOR)).get().extracting(Candidate::staffId).isEqualTo("staff-a");
    }

    @Test
    void withNoOneElseInThePoolTheModerationWaitsAndTheAuditorCannotBeAssignedByHand() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("bolton"),
                List.of(new Candidate(AUDITOR, 0)), NOW, DUE);

        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_MODERATOR);
        assertThat(moderation.raised()).isEmpty();
        assertThatThrownBy(() -> moderation.assign(AUDITOR, "by hand", NOW, DUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auditor");
    }
}
