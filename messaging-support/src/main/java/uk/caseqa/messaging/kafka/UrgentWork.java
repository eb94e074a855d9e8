package uk.caseqa.messaging.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When work that may end in an urgent email was last seen: a record taken by a consumer binding that is not
 * background (an Inadequate grade's case of concern is opened, and its service manager told, by such bindings; they
 * take every submission's {@code AuditCompleted}, whatever its grade, so any submission counts). The background
 * bindings wait while it lasts ({@link BackgroundPacing}). Read from the system clock: a clock set back by a step
 * makes urgent work look recent until it catches up, which the pacing's longest pause bounds.
 * <p>
 * One for the whole JVM ({@link #inThisJvm}): the processor and the store are shared by whatever runs in it, so in the
 * embedded run, where the five services share one JVM, notification-service's urgent records hold back
 * reporting-service's background bindings too. Services run as separate processes each see their own.
 */
public final class UrgentWork {

    private static final long NEVER = Long.MIN_VALUE;
    private static final UrgentWork JVM = new UrgentWork(Clock.systemUTC());
    private final Clock clock;
    private final AtomicLong lastSeenMillis = new AtomicLong(NEVER);

    public UrgentWork(Clock clock) {
        this.clock = clock;
    }

    /** The one every service in this JVM marks and reads. */
    public static UrgentWork inThisJvm() {
        return JVM;
    }

    /** An urgent binding took a record now. */
    public void seen() {
        lastSeenMillis.set(clock.millis());
    }

    /** When an urgent binding last took a record; empty if none has yet. */
    public Optional<Instant> lastSeen() {
        long millis = lastSeenMillis.get();
        return millis == NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
