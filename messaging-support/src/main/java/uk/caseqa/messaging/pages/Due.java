package uk.caseqa.messaging.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When something is due, as a person reads it: the time in England, and how long is left or how long it is overdue
 * (the time left is from the service's clock, so it moves with the deadlines it shows).
 */
public record Due(Instant at, boolean overdue, String when, String left) {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    public static Due of(Instant at, Instant now) {
        boolean overdue = !at.isAfter(now);
        Duration gap = overdue ? Duration.between(at, now) : Duration.between(now, at);
        String span = span(gap);
        return new Due(at, overdue, shown(at), overdue ? "overdue by " + span : span + " left");
    }

    /** A time as a person in England reads it: 26 November 2026 at 2:05pm. */
    public static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(ENGLAND)).replace("AM", "am").replace("PM", "pm");
    }

    private static String span(Duration gap) {
        long minutes = gap.toMinutes();
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = gap.toHours();
        if (hours < 96) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long days = gap.toDays();
        return days + " days";
    }
}
