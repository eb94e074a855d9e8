package uk.caseqa.reporting.application;

import java.util.function.LongSupplier;

/**
 * How often the board may be counted again: at most a set share of one core's time. A council's count reads all of
 * its records, so it costs more as its history grows; after a count that took {@code t} of the processor (the
 * counting thread's own time: not the waits for the store or the broker), the next waits until {@code t / share} has
 * passed since the last began (never sooner than the schedule). With a share of 0.1, a count of 20 ms runs every
 * second and one of 2 s every 20 s: the board lags a long history a little more, and the events it is counted from
 * are never starved of the processor.
 */
public final class RecountPacing {

    private final double share;
    private final LongSupplier wall;
    private final LongSupplier processor;
    private long notBefore;
    private boolean counted;

    /** A count begun: the monotonic clock and the counting thread's processor time when it began. */
    public record Count(long wallNanos, long processorNanos) {
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

    /** The count has ended, on the thread that began it. */
    public synchronized void counted(Count count) {
        long took = processor.getAsLong() - count.processorNanos();
        notBefore = count.wallNanos() + (long) (took / share);
        counted = true;
    }
}
