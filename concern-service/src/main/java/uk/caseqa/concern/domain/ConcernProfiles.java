package uk.caseqa.concern.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/** The profiles of all councils served, side by side; picks the one in force for a council on a date. */
public final class ConcernProfiles {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private final List<ConcernProfile> profiles;

    public ConcernProfiles(List<ConcernProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** The council's profile in force at {@code when}; the {@code *} profile for a council without its own. */
    public ConcernProfile inForce(String localAuthority, Instant when) {
        LocalDate day = when.atZone(ENGLAND).toLocalDate();
        return latest(localAuthority, day).or(() -> latest(ConcernProfile.ANY_COUNCIL, day))
                .orElseThrow(() -> new NoSuchElementException("no concern profile for " + localAuthority + " on " + day));
    }

    public ConcernProfile byId(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no concern profile " + id));
    }

    public List<ConcernProfile> all() {
        return profiles;
    }

    private java.util.Optional<ConcernProfile> latest(String localAuthority, LocalDate day) {
        return profiles.stream().filter(p -> p.localAuthority().equals(localAuthority))
                .filter(p -> !p.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(ConcernProfile::effectiveFrom));
    }
}
