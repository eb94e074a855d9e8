package uk.caseqa.moderation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The councils' moderation profiles side by side; the one in force for a council on a date ({@code *}: any other). */
public final class ModerationProfiles {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private final List<ModerationProfile> profiles;

    public ModerationProfiles(List<ModerationProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    public ModerationProfile inForce(String localAuthority, Instant when) {
        LocalDate day = when.atZone(ENGLAND).toLocalDate();
        return latest(localAuthority, day).or(() -> latest("*", day))
                .orElseThrow(() -> new NoSuchElementException("no moderation profile for " + localAuthority));
    }

    public ModerationProfile byId(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no moderation profile " + id));
    }

    private Optional<ModerationProfile> latest(String localAuthority, LocalDate day) {
        return profiles.stream().filter(p -> p.localAuthority().equals(localAuthority))
                .filter(p -> !p.effectiveFrom().isAfter(day)).max(Comparator.comparing(ModerationProfile::effectiveFrom));
    }
}
