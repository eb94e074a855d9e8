package uk.caseqa.moderation.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks a moderator from the pool: never the auditor, the least loaded first, then by staff id for a stable choice. */
public final class ModeratorChoice {

    private ModeratorChoice() {
    }

    public static Optional<Candidate> choose(List<Candidate> pool, String auditorId) {
        return pool.stream()
                .filter(c -> !c.staffId().equals(auditorId))
                .min(Comparator.comparingLong(Candidate::openModerations).thenComparing(Candidate::staffId));
    }
}
