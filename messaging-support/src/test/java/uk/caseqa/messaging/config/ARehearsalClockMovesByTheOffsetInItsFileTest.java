package uk.caseqa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ARehearsalClockMovesByTheOffsetInItsFileTest {

    @TempDir
    Path dir;

    @Test
    void withNoFileItReadsTheSystemClockAndWithOneItMovesByItsDuration() throws Exception {
        Path file = dir.resolve("offset");
        RehearsalClock clock = new RehearsalClock(file, java.time.ZoneOffset.UTC, 0);
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(2, ChronoUnit.SECONDS));

        Files.writeString(file, "PT25H\n");
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(25));
        assertThat(clock.instant()).isCloseTo(Instant.now().plus(Duration.ofHours(25)), within(2, ChronoUnit.SECONDS));
    }

    @Test
    void anUnreadableOffsetKeepsTheLastOneRead() throws Exception {
        Path file = dir.resolve("offset");
        Files.writeString(file, "P42D");
        RehearsalClock clock = new RehearsalClock(file, java.time.ZoneOffset.UTC, 0);
        Files.writeString(file, "six weeks");
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(42));
    }
}
