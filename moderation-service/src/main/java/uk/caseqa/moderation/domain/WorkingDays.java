package uk.caseqa.moderation.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Working days in England and Wales: not Saturday, Sunday or a bank holiday. The bank holidays are data
 * ({@code caseqa.calendar.bank-holidays}), updated as the government announces them.
 */
public final class WorkingDays {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private final Set<LocalDate> bankHolidays;

    public WorkingDays(Set<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day);
    }

    /** The {@code n}th working day after {@code day}. */
    public LocalDate after(LocalDate day, int n) {
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The end of the {@code n}th working day after the day {@code from} falls on, in England. */
    public Instant endOfWorkingDaysAfter(Instant from, int n) {
        return endOf(after(from.atZone(ENGLAND).toLocalDate(), n));
    }

    /** The start of the day in England. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ENGLAND).toInstant();
    }

    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ENGLAND).toInstant();
    }
}
