package uk.caseqa.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** "14 days" means the same time of day 14 calendar days later in England, whatever clock change lies between. */
class DeadlinesAcrossTheClockChangeTest {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    static Instant inEngland(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ENGLAND).toInstant();
    }

    @Test
    void anAuditAllocatedAtHalfPastElevenBeforeTheMarchChangeIsDueAtHalfPastElevenFourteenDaysLater() {
        Instant allocated = inEngland("2027-03-20T23:30");

        Audit.Allocation allocation = Audit.Allocation.full(null, allocated, Period.ofDays(14), Period.ofDays(7), "t@v1");

        assertThat(allocation.completionDueBy()).isEqualTo(inEngland("2027-04-03T23:30"));
        assertThat(allocation.moderationDueBy()).isEqualTo(inEngland("2027-04-10T23:30"));
    }

    @Test
    void anAuditAllocatedJustAfterMidnightBeforeTheOctoberChangeIsNotDueTheDayBefore() {
        Instant allocated = inEngland("2027-10-24T00:30");

        Audit.Allocation allocation = Audit.Allocation.full(null, allocated, Period.ofDays(14), Period.ofDays(7), "t@v1");

        assertThat(allocation.completionDueBy()).isEqualTo(inEngland("2027-11-07T00:30"));
    }
}
