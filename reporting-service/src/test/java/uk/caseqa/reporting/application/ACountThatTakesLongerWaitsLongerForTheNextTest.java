package uk.caseqa.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The board is counted from a council's whole history, so a count costs more as history grows. At a tenth of a core,
 * a 20 ms count may run again after 200 ms (the schedule's second decides), a 2 s count only 20 s after it began.
 */
class ACountThatTakesLongerWaitsLongerForTheNextTest {

    final AtomicLong ticker = new AtomicLong(TimeUnit.DAYS.toNanos(3));
    final RecountPacing pacing = new RecountPacing(0.1, ticker::get);

    @Test
    void theFirstCountIsDueAtOnce() {
        assertThat(pacing.due()).isTrue();
    }

    @Test
    void aQuickCountLeavesTheNextToTheSchedule() {
        long started = pacing.now();
        advance(20);
        pacing.counted(started);
        advance(179);
        assertThat(pacing.due()).as("199 ms after a 20 ms count began").isFalse();
        advance(1);
        assertThat(pacing.due()).as("200 ms after").isTrue();
    }

    @Test
    void aLongCountWaitsTenTimesItsLengthFromItsStart() {
        long started = pacing.now();
        advance(2_000);
        pacing.counted(started);
        advance(17_999);
        assertThat(pacing.due()).as("19.999 s after a 2 s count began").isFalse();
        advance(1);
        assertThat(pacing.due()).as("20 s after").isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RecountPacing(0, ticker::get)).hasMessageContaining("share");
        assertThatThrownBy(() -> new RecountPacing(1.5, ticker::get)).hasMessageContaining("share");
    }

    private void advance(long millis) {
        ticker.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
