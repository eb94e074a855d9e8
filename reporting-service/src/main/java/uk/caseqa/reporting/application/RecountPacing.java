package uk.caseqa.reporting.application;

import java.util.function.LongSupplier;

/**
 * How often the board may be counted again: at most a set share of one core's time. A council's count reads all of
 * its records, so it costs more as its history grows; after a count that took {@code t}, the next waits until
 * {@code t / share} has passed since the last began (never sooner than the schedule). With a share of 0.1, a count
 * of 20 ms runs every second and one of 2 s every 20 s: the board lags a long history a little more, and the
 * events it is counted from are never starved of the processor.
 */
public final class RecountPacing {

    private final double share;
    private final LongSupplier nanos;
    private long notBefore;
    private boolean counted;

    /** {@code share}: of one core, above 0 and at most 1; {@code nanos}: a monotonic clock (System::nanoTime). */
    public RecountPacing(double share, LongSupplier nanos) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the board's share of the processor is above 0 and at most 1: " + share);
        }
        this.share = share;
        this.nanos = nanos;
    }

    /** Whether a count may begin now. */
    public synchronized boolean due() {
        return !counted || nanos.getAsLong() - notBefore >= 0;
    }

    /** A count that began at {@code startedNanos} has ended now. */
    public synchronized void counted(long startedNanos) {
        long took = nanos.getAsLong() - startedNanos;
        notBefore = startedNanos + (long) (took / share);
        counted = true;
    }

    /** The monotonic clock's reading, for {@link #counted}. */
    public long now() {
        return nanos.getAsLong();
    }
}
