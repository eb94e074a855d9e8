package uk.caseqa.messaging.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by a duration written in a file (ISO-8601, e.g. {@code PT25H}; no file or an empty
 * one: no offset), re-read at most every 100 ms. It lets a rehearsal, or a chaos test, make 24-hour and 6-week
 * deadlines fall due in services that run as separate processes, as a test's clock does in one JVM. Set with
 * {@code caseqa.clock.offset-file}; never set in production (the service logs a warning when it is).
 */
public final class RehearsalClock extends Clock {

    private static final long REREAD_NANOS = 100_000_000L;
    private final long rereadNanos;
    private final Path file;
    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;
    private volatile long readAt = Long.MIN_VALUE;

    public RehearsalClock(Path file) {
        this(file, ZoneOffset.UTC, REREAD_NANOS);
    }

    /** {@code rereadNanos}: how old the offset read may be before the file is read again (0 in tests: every call). */
    RehearsalClock(Path file, ZoneId zone, long rereadNanos) {
        this.file = file;
        this.zone = zone;
        this.rereadNanos = rereadNanos;
        offset();
    }

    /** The offset now in force. A file that cannot be parsed keeps the last offset read (and says why once). */
    public Duration offset() {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt >= rereadNanos) {
            readAt = now;
            offset = read();
        }
        return offset;
    }

    private Duration read() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (NoSuchFileException absent) {
            return Duration.ZERO;
        } catch (IOException | java.time.format.DateTimeParseException unreadable) {
            org.slf4j.LoggerFactory.getLogger(RehearsalClock.class)
                    .warn("rehearsal clock: cannot read an ISO-8601 duration from {} ({}); keeping {}", file,
                            unreadable.getMessage(), offset);
            return offset;
        }
    }

    @Override
    public Instant instant() {
        // millisecond ticks, as the system clock bean: what MongoDB stores
        return Instant.ofEpochMilli(System.currentTimeMillis()).plus(offset());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new RehearsalClock(file, other, rereadNanos);
    }
}
