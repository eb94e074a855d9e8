package uk.caseqa.messaging.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the background bindings stop taking records, and when they take them again: they wait while urgent work is
 * under way (an urgent binding took a record less than {@code quiet} ago), and go on once it has been quiet that
 * long. Urgent work that never goes quiet does not starve them: after {@code longestPause} they run for
 * {@code catchUp} whatever comes, then wait again if it still comes.
 * <p>
 * Their threads already run at the lowest priority ({@link BackgroundBindings}), but what they ask of the store and
 * the broker is done at the normal priority, beside the urgent work's: under a burst of submissions the background
 * bindings' threads spent about twice as long in the store's driver as the urgent ones (docs/performance.md).
 * <p>
 * One instance is driven by one thread; it keeps its own state.
 */
final class BackgroundPacing {

    /** {@code caseqa.consumers.background-pacing.*}. */
    record Settings(Duration quiet, Duration longestPause, Duration catchUp) {
        Settings {
            if (quiet.isNegative() || quiet.isZero() || longestPause.compareTo(quiet) < 0 || catchUp.isNegative()
                    || catchUp.isZero()) {
                throw new IllegalArgumentException("caseqa.consumers.background-pacing: quiet > 0, longest-pause >="
                        + " quiet and catch-up > 0, not " + quiet + ", " + longestPause + ", " + catchUp);
            }
        }

        static Settings standard() {
            return new Settings(Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(3));
        }
    }

    /** What to do with the background bindings now. */
    enum Change {
        PAUSE, RESUME, RESUME_TO_CATCH_UP, NONE
    }

    private final Settings settings;
    private Instant pausedSince;
    private Instant catchingUpUntil;

    BackgroundPacing(Settings settings) {
        this.settings = settings;
    }

    Change next(Instant now, Optional<Instant> lastUrgent) {
        boolean urgent = lastUrgent.isPresent()
                && Duration.between(lastUrgent.get(), now).compareTo(settings.quiet()) < 0;
        if (pausedSince != null) {
            if (!urgent) {
                pausedSince = null;
                return Change.RESUME;
            }
            if (!now.isBefore(pausedSince.plus(settings.longestPause()))) {
                pausedSince = null;
                catchingUpUntil = now.plus(settings.catchUp());
                return Change.RESUME_TO_CATCH_UP;
            }
            return Change.NONE;
        }
        if (urgent && (catchingUpUntil == null || !now.isBefore(catchingUpUntil))) {
            pausedSince = now;
            return Change.PAUSE;
        }
        return Change.NONE;
    }

    Settings settings() {
        return settings;
    }
}
