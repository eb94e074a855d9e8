package uk.caseqa.reporting.adapter.out.pack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.caseqa.reporting.domain.Period;

/**
 * How a pack's buckets, figures, periods and dates read to a board member: buckets and figures keep their names,
 * spaced out ({@code REQUIRES_IMPROVEMENT} reads "REQUIRES IMPROVEMENT", {@code goodOrBetterPercent} "Good or better
 * %"), so they can still be matched with the CSV file; dates and times are English (Europe/London).
 */
final class Labels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.UK);

    private Labels() {
    }

    /** A bucket, spaced out: {@code REAUDIT:INADEQUATE} reads "REAUDIT: INADEQUATE". */
    static String bucket(String bucket) {
        return bucket.replace('_', ' ').replace(":", ": ").replace(">", " > ");
    }

    /** A figure's name in words: {@code IRO_COMMENTS:metPercent} reads "IRO COMMENTS: met %". */
    static String figure(String name) {
        int colon = name.lastIndexOf(':');
        String words = name.substring(colon + 1).replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT)
                .replace(" percent", " %");
        return colon < 0 ? Character.toUpperCase(words.charAt(0)) + words.substring(1)
                : bucket(name.substring(0, colon)) + ": " + words;
    }

    /** A figure's value: percentages to one decimal place, kappa to three. */
    static String value(String name, double figure) {
        return String.format(Locale.UK, name.endsWith("Percent") ? "%.1f" : "%.3f", figure);
    }

    /** The kind of period, as a board names it. */
    static String periodType(Period.Type type) {
        return switch (type) {
            case WEEK -> "Week";
            case MONTH -> "Month";
            case CYCLE -> "6-week cycle";
            case QUARTER -> "Quarter";
            case HALF_YEAR -> "Half-year";
            case YEAR -> "Year";
        };
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String time(Instant instant) {
        return TIME.format(instant.atZone(Period.ENGLAND));
    }
}
