package uk.caseqa.reporting.application;

import java.time.LocalDate;
import java.util.Map;

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
}
