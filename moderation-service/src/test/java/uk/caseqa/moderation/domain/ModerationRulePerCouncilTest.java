package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.caseqa.moderation.domain.ModerationFixture.DUE;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.auditGraded;
import static uk.caseqa.moderation.domain.ModerationFixture.profile;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffRole;

/** Each council's moderation rule, read from moderation-service.yml. */
class ModerationRulePerCouncilTest {

    static long moderatedOutOf200(String profileId, Grade grade) {
        ModerationProfile profile = profile(profileId);
        return IntStream.range(0, 200).filter(i -> profile.selects("audit-" + i, grade).moderate()).count();
    }

    @ParameterizedTest(name = "{0} moderates every audit")
    @CsvSource({"swindon-2019", "bolton"})
    void everyAuditIsModerated(String profileId) {
        assertThat(moderatedOutOf200(profileId, Grade.GOOD)).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} moderates a sample of about {1}%, always the Inadequate ones")
    @CsvSource({"swindon-2024, 25", "wandsworth, 20"})
    void aReproducibleSampleIsModeratedAndInadequateAuditsAlways(String profileId, int percent) {
        long sampled = moderatedOutOf200(profileId, Grade.GOOD);
        assertThat(sampled).isBetween(200L * percent / 100 - 20, 200L * percent / 100 + 20);
        assertThat(moderatedOutOf200(profileId, Grade.GOOD)).isEqualTo(sampled);
        assertThat(moderatedOutOf200(profileId, Grade.INADEQUATE)).isEqualTo(200);
        assertThat(profile(profileId).selects("audit-7", Grade.GOOD).reason()).contains("bucket");
    }

    @Test
    void telfordSendsAuditsStraightToThePanelButModeratesInadequateOnes() {
        Moderation good = Moderation.start(auditGraded("audit-1", Grade.GOOD), profile("telford-and-wrekin"),
                List.of(new Candidate("staff-iro-1", 0)), NOW, DUE);
        Moderation inadequate = Moderation.start(auditGraded("audit-2", Grade.INADEQUATE),
                profile("telford-and-wrekin"), List.of(new Candidate("staff-iro-1", 0)), NOW, DUE);

        assertThat(good.status()).isEqualTo(ModerationStatus.AWAITING_PANEL);
        assertThat(good.moderatorId()).isNull();
        assertThat(inadequate.status()).isEqualTo(ModerationStatus.AWAITING_DECISION);
        assertThat(inadequate.selectionReason()).contains("always moderated");
    }

    @Test
    void wandsworthModeratorsComeFromTheHeadOfSafeguardingStandardsAndAuditorsAreToldOfAChange() {
        ModerationProfile wandsworth = profile("wandsworth");
        assertThat(wandsworth.moderatorRoles()).containsExactly(StaffRole.HEAD_OF_SAFEGUARDING_STANDARDS);
        Moderation moderation = Moderation.start(auditGraded("audit-3", Grade.INADEQUATE), wandsworth,
                List.of(new Candidate("staff-hss-1", 0)), NOW, DUE);

        moderation.decide("staff-hss-1", new Decision(Grade.REQUIRES_IMPROVEMENT, "safety plan in place",
                "discussed with the peer auditor"), NOW);

        assertThat(moderation.raised()).filteredOn(AuditModerated.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AuditModerated) e).tellAuditor()).isTrue());
    }

    @Test
    void aGradeAfterSwindonsOctober2024RevisionFollowsTheNewFramework() {
        assertThat(ModerationFixture.PROFILES.inForce("swindon", java.time.Instant.parse("2024-09-30T12:00:00Z")).id())
                .isEqualTo("swindon-2019");
        assertThat(ModerationFixture.PROFILES.inForce("swindon", java.time.Instant.parse("2024-10-01T12:00:00Z")).id())
                .isEqualTo("swindon-2024");
        assertThat(ModerationFixture.PROFILES.inForce("elsewhere", NOW).id()).isEqualTo("default");
    }
}
