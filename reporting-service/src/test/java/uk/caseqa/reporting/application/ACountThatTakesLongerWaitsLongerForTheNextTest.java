package uk.caseqa.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The board is counted from a council's whole history, so a count costs more as history grows. At a tenth of a core,
 * a count that used the processor for 20 ms may run again after 200 ms (the schedule's second decides), one that used
 * it for 2 s only 20 s after it began. The whole time spent reading the records counts (the store's threads do that
 * work for the board); time spent waiting for the broker does not.
 */
class ACountThatTakesLongerWaitsLongerForTheNextTest {

    final AtomicLong wall = new AtomicLong(TimeUnit.DAYS.toNanos(3));
    final AtomicLong processor = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    final RecountPacing pacing = new RecountPacing(0.1, wall::get, processor::get);

    @Test
    void theFirstCountIsDueAtOnce() {
        assertThat(pacing.due()).isTrue();
    }

    @Test
    void aQuickCountLeavesTheNextToTheSchedule() {
        RecountPacing.Count count = pacing.begin();
        work(20);
        pacing.counted(count);
        advance(179);
        assertThat(pacing.due()).as("199 ms after a 20 ms count began").isFalse();
        advance(1);
        assertThat(pacing.due()).as("200 ms after").isTrue();
    }

    @Test
    void aLongCountWaitsTenTimesItsLengthFromItsStart() {
        RecountPacing.Count count = pacing.begin();
        work(2_000);
        pacing.counted(count);
        advance(17_999);
        assertThat(pacing.due()).as("19.999 s after a 2 s count began").isFalse();
        advance(1);
        assertThat(pacing.due()).as("20 s after").isTrue();
    }

    @Test
    void readingARecordsHistoryCountsWholeThoughTheStoreDidMostOfTheWork() {
        RecountPacing.Count count = pacing.begin();
        String read = pacing.reading(count, () -> {
            advance(1_900); // the store's threads reading 100,000 records
            work(100); // this thread decoding them
            return "records";
        });
        assertThat(read).isEqualTo("records");
        pacing.counted(count);
        advance(17_999);
        assertThat(pacing.due()).as("19.999 s after a count that read its records for 2 s").isFalse();
        advance(1);
        assertThat(pacing.due()).as("20 s after").isTrue();
    }

    @Test
    void waitingForTheBrokerIsNotCounted() {
        RecountPacing.Count count = pacing.begin();
        work(100);
        advance(9_000); // publishing, waiting for the broker's acknowledgements
        pacing.counted(count);
        assertThat(pacing.due()).as("9.1 s after a count that used the processor for 100 ms").isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RecountPacing(0, wall::get, processor::get)).hasMessageContaining("share");
        assertThatThrownBy(() -> new RecountPacing(1.5, wall::get, processor::get)).hasMessageContaining("share");
    }

    /** The counting thread busy for this long. */
    private void work(long millis) {
        processor.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        advance(millis);
    }

    private void advance(long millis) {
        wall.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
