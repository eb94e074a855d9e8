package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.caseqa.moderation.domain.ModerationFixture.DUE;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.auditGraded;
import static uk.caseqa.moderation.domain.ModerationFixture.profile;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationWaived;

/**
 * An audit the council's profile does not moderate raises {@code ModerationWaived} with the reason, so the board
 * counts the auditor's grade as final; a moderated one does not.
 */
class AnAuditNotModeratedTellsTheBoardTest {

    @Test
    void aGoodTelfordAuditGoesToThePanelUnmoderatedAndSaysWhy() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("telford-and-wrekin"), List.of(),
                NOW, DUE);

        assertThat(moderation.raised()).filteredOn(ModerationWaived.class::isInstance).singleElement()
                .satisfies(e -> {
                    ModerationWaived waived = (ModerationWaived) e;
                    assertThat(waived.auditId()).isEqualTo("audit-1");
                    assertThat(waived.reason()).contains("not moderated");
                    assertThat(waived.waivedAt()).isEqualTo(NOW);
                });
    }

    @Test
    void anInadequateTelfordAuditIsModeratedSoNothingIsWaived() {
        Moderation moderation = Moderation.start(auditGraded(Grade.INADEQUATE), profile("telford-and-wrekin"),
                List.of(new Candidate("staff-sm-2", 0)), NOW, DUE);

        assertThat(moderation.raised()).noneMatch(ModerationWaived.class::isInstance);
    }

    @Test
    void aResubmittedUnmoderatedAuditIsWaivedAgainAtItsResubmission() {
        Moderation moderation = Moderation.start(auditGraded(Grade.GOOD), profile("telford-and-wrekin"), List.of(),
                NOW, DUE);
        moderation.returnedByPanel("panel-telford-and-wrekin-2026-12-03", "staff-qa-1", "More evidence.", NOW);

        moderation.resubmitted(auditGraded(Grade.GOOD), NOW.plus(Duration.ofDays(1)), DUE);

        assertThat(moderation.raised()).filteredOn(ModerationWaived.class::isInstance)
                .extracting(e -> ((ModerationWaived) e).waivedAt()).containsExactly(NOW, NOW.plus(Duration.ofDays(1)));
    }
}
