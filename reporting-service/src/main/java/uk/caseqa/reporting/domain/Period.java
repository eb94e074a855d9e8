package uk.caseqa.reporting.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period in the English calendar (Europe/London): an ISO week ({@code 2026-W07}), a month
 * ({@code 2026-11}), a 6-week cycle named by its first day ({@code 6w-2026-03-02}, 42-day steps from a council's cycle
 * anchor), a calendar quarter ({@code 2026-Q4}), half-year ({@code 2026-H2}) or year ({@code 2026}). It runs from
 * {@code start} (inclusive) to {@code end} (exclusive).
 */
public record Period(Type type, String key, Instant start, Instant end) {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** The kinds of period boards read. */
    public enum Type { WEEK, MONTH, CYCLE, QUARTER, HALF_YEAR, YEAR }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern CYCLE = Pattern.compile("6w-(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** The period of this type holding {@code instant}; 6-week cycles count from {@code cycleAnchor}. */
    public static Period containing(Type type, Instant instant, LocalDate cycleAnchor) {
        LocalDate day = instant.atZone(ENGLAND).toLocalDate();
        return switch (type) {
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield of(type, String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, monday.plusWeeks(1));
            }
            case MONTH -> {
                LocalDate first = day.withDayOfMonth(1);
                yield of(type, String.format("%d-%02d", first.getYear(), first.getMonthValue()), first,
                        first.plusMonths(1));
            }
            case CYCLE -> {
                long cycles = Math.floorDiv(ChronoUnit.DAYS.between(cycleAnchor, day), 42);
                LocalDate first = cycleAnchor.plusDays(cycles * 42);
                yield of(type, "6w-" + first, first, first.plusDays(42));
            }
            case QUARTER -> {
                int q = (day.getMonthValue() - 1) / 3;
                LocalDate first = LocalDate.of(day.getYear(), q * 3 + 1, 1);
                yield of(type, day.getYear() + "-Q" + (q + 1), first, first.plusMonths(3));
            }
            case HALF_YEAR -> {
                int h = (day.getMonthValue() - 1) / 6;
                LocalDate first = LocalDate.of(day.getYear(), h * 6 + 1, 1);
                yield of(type, day.getYear() + "-H" + (h + 1), first, first.plusMonths(6));
            }
            case YEAR -> {
                LocalDate first = LocalDate.of(day.getYear(), 1, 1);
                yield of(type, String.valueOf(day.getYear()), first, first.plusYears(1));
            }
        };
    }

    /** Reads a period key as written by {@link #key()}; an unreadable key is a clear error. */
    public static Period parse(String key) {
        if (key == null) {
            throw new IllegalArgumentException("period: required, e.g. 2026-11, 2026-W07, 6w-2026-03-02, 2026-Q4, "
                    + "2026-H2 or 2026");
        }
        Matcher m;
        if ((m = WEEK.matcher(key)).matches()) {
            LocalDate monday = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return of(Type.WEEK, key, monday, monday.plusWeeks(1));
        }
        if ((m = MONTH.matcher(key)).matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            return of(Type.MONTH, key, first, first.plusMonths(1));
        }
        if ((m = CYCLE.matcher(key)).matches()) {
            LocalDate first = LocalDate.parse(m.group(1));
            return of(Type.CYCLE, key, first, first.plusDays(42));
        }
        if ((m = QUARTER.matcher(key)).matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return of(Type.QUARTER, key, first, first.plusMonths(3));
        }
        if ((m = HALF.matcher(key)).matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 6 + 1, 1);
            return of(Type.HALF_YEAR, key, first, first.plusMonths(6));
        }
        if ((m = YEAR.matcher(key)).matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            return of(Type.YEAR, key, first, first.plusYears(1));
        }
        throw new IllegalArgumentException("period: '" + key + "' is not a period; write 2026-11, 2026-W07, "
                + "6w-2026-03-02, 2026-Q4, 2026-H2 or 2026");
    }

    private static Period of(Type type, String key, LocalDate first, LocalDate next) {
        return new Period(type, key, first.atStartOfDay(ENGLAND).toInstant(), next.atStartOfDay(ENGLAND).toInstant());
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The moment this period's figures hold at: its end once it is over, otherwise now. */
    public Instant asOf(Instant now) {
        return now.isBefore(end) ? now : end;
    }

    /** The period of the same type just before this one. */
    public Period previous(LocalDate cycleAnchor) {
        return containing(type, start.minusSeconds(1), cycleAnchor);
    }

    public LocalDate firstDay() {
        return start.atZone(ENGLAND).toLocalDate();
    }

    public LocalDate lastDay() {
        return end.atZone(ENGLAND).toLocalDate().minusDays(1);
    }
}
