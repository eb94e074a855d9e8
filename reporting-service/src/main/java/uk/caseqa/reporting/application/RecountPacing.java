package uk.caseqa.reporting.application;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How often the board may be counted again: at most a set share of one core's time. A council's count reads all of
 * its records, so it costs more as its history grows; after a count that took {@code t} of the processor, the next
 * waits until {@code t / share} has passed since the last began (never sooner than the schedule). With a share of
 * 0.1, a count of 20 ms runs every second and one of 2 s every 20 s: the board lags a long history a little more, and
 * the events it is counted from are never starved of the processor.
 *
 * <p>{@code t} is the counting thread's own processor time, and the whole time it spent reading the records
 * ({@link #reading}): the store's threads do that work for the board (at 100,000 records, most of a count's cost,
 * which counting the thread alone missed: docs/performance.md). Waiting for the broker to acknowledge what was
 * published does not count.
 */
public final class RecountPacing {

    private final double share;
    private final LongSupplier wall;
    private final LongSupplier processor;
    private long notBefore;
    private boolean counted;

    /** A count begun: the monotonic clock and the counting thread's processor time when it began. */
    public static final class Count {
        private final long wallNanos;
        private final long processorNanos;
        private long readingBeyondProcessorNanos;

        Count(long wallNanos, long processorNanos) {
            this.wallNanos = wallNanos;
            this.processorNanos = processorNanos;
        }
    }

    /**
     * {@code share}: of one core, above 0 and at most 1; {@code wall}: a monotonic clock (System::nanoTime);
     * {@code processor}: the calling thread's processor time (ThreadMXBean::getCurrentThreadCpuTime).
     */
    public RecountPacing(double share, LongSupplier wall, LongSupplier processor) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the board's share of the processor is above 0 and at most 1: " + share);
        }
        this.share = share;
        this.wall = wall;
        this.processor = processor;
    }

    /** Whether a count may begin now. */
    public synchronized boolean due() {
        return !counted || wall.getAsLong() - notBefore >= 0;
    }

    /** A count begins, on the thread that will call {@link #counted}. */
    public Count begin() {
        return new Count(wall.getAsLong(), processor.getAsLong());
    }

    /** The count reads the records: all the time this takes is counted, not only the thread's processor time. */
    public <T> T reading(Count count, Supplier<T> read) {
        long wallBefore = wall.getAsLong();
        long processorBefore = processor.getAsLong();
        try {
            return read.get();
        } finally {
            long waited = (wall.getAsLong() - wallBefore) - (processor.getAsLong() - processorBefore);
            count.readingBeyondProcessorNanos += Math.max(0, waited);
        }
    }

    /** The count has ended, on the thread that began it. */
    public synchronized void counted(Count count) {
        long took = processor.getAsLong() - count.processorNanos + count.readingBeyondProcessorNanos;
        notBefore = count.wallNanos + (long) (took / share);
        counted = true;
    }
}
