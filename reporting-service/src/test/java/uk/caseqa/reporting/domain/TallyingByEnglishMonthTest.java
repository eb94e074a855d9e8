package uk.caseqa.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;

class TallyingByEnglishMonthTest {

    static AuditModerated moderatedAt(String instant) {
        return new AuditModerated("audit-1", "case-1", "svc-1", "team-1", "staff-hos-1", Grade.GOOD,
                Grade.REQUIRES_IMPROVEMENT, GradeChange.DOWNGRADED, Instant.parse(instant), "staff-tm-1", false);
    }

    @Test
    void aModerationJustAfterMidnightInBritishSummerTimeCountsInTheNewMonth() {
        Tally tally = Tally.of("wandsworth", moderatedAt("2026-06-30T23:30:00Z"));

        assertThat(tally.period()).isEqualTo("2026-07");
        assertThat(tally.deltas()).containsExactly(java.util.Map.entry("REQUIRES_IMPROVEMENT", 1L));
        assertThat(tally.aggregateId()).isEqualTo("audits-by-final-grade|wandsworth|team-1|2026-07");
    }

    @Test
    void inWinterTheMonthIsTheUtcMonth() {
        assertThat(Tally.of("bolton", moderatedAt("2026-12-31T23:30:00Z")).period()).isEqualTo("2026-12");
    }
}
