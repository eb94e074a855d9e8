package uk.caseqa.reporting.application;

import java.time.LocalDate;
import java.util.Map;
import uk.caseqa.reporting.domain.Period;

/**
 * The first day of each council's 6-week cycles ({@code caseqa.reporting.cycle-anchors}); councils not named count
 * cycles from {@code caseqa.reporting.default-cycle-anchor}. A cycle is 42 days from its anchor, as audit-service
 * counts Bolton's cycles ({@code cycle-start}), so both name a cycle by the same first day.
 */
public record CycleAnchors(LocalDate defaultAnchor, Map<String, LocalDate> byCouncil) {

    public CycleAnchors {
        byCouncil = byCouncil == null ? Map.of() : Map.copyOf(byCouncil);
        if (defaultAnchor == null) {
            throw new IllegalArgumentException("caseqa.reporting.default-cycle-anchor is required");
        }
        byCouncil.forEach((council, anchor) -> {
            if (anchor == null) {
                throw new IllegalArgumentException("caseqa.reporting.cycle-anchors." + council + ": a date is required");
            }
        });
    }

    public LocalDate of(String localAuthority) {
        return byCouncil.getOrDefault(localAuthority, defaultAnchor);
    }

    /**
     * The council's period with this key: any week, month, quarter, half-year or year, and only the council's own
     * 6-week cycles (a clear error names the cycle the day falls in otherwise).
     */
    public Period period(String localAuthority, String key) {
        Period period = Period.parse(key);
        if (period.type() == Period.Type.CYCLE) {
            Period cycle = Period.containing(Period.Type.CYCLE, period.start(), of(localAuthority));
            if (!cycle.equals(period)) {
                throw new IllegalArgumentException("period: " + period.key() + " is not one of " + localAuthority
                        + "'s 6-week cycles, which run in 42-day steps from " + of(localAuthority) + "; "
                        + period.firstDay() + " falls in " + cycle.key());
            }
        }
        return period;
    }
}
