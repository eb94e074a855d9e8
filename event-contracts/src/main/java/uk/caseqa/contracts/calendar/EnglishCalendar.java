package uk.caseqa.contracts.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * Calendar arithmetic as councils in England mean it: "6 weeks" or "14 days" after a moment is the same wall-clock
 * time that many calendar days later in Europe/London, so a due date never moves by an hour, or to the day before,
 * across a clock change. Elapsed durations ("24 hours") stay {@link Instant#plus(java.time.Duration)}.
 */
public final class EnglishCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private EnglishCalendar() {
    }

    public static Instant plusDays(Instant from, long days) {
        return from.atZone(ZONE).plusDays(days).toInstant();
    }

    public static Instant plusWeeks(Instant from, long weeks) {
        return from.atZone(ZONE).plusWeeks(weeks).toInstant();
    }

    public static Instant plus(Instant from, Period period) {
        return from.atZone(ZONE).plus(period).toInstant();
    }

    /** The day in England on which the instant falls. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** How many whole calendar days in England lie between two instants (by their days, not by 24-hour blocks). */
    public static long daysBetween(Instant from, Instant to) {
        return java.time.temporal.ChronoUnit.DAYS.between(dayOf(from), dayOf(to));
    }
}
