package uk.caseqa.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.LongSupplier;

/**
 * The machine's speed at the moment, as the processor time one fixed piece of work takes on one thread: the same code
 * has cost 47 ms of processor a submission in one run and 76 ms in the next, in every thread alike, with the same store
 * commands (docs/performance.md), and a shared machine's cores run faster or slower with what its other tenants do.
 * Read beside a step's processor time it says whether the platform did more, or the machine was slower.
 * <p>
 * The work is a hash table of a megabyte filled and probed at random, then a SHA-256 of four megabytes, always the
 * same ({@link #CHECKSUM}, so the compiler cannot leave any of it out). It allocates nothing but a digest, so the
 * collector's state (marking, a young generation about to fill) does not enter into it, and it is compiled before it
 * is timed. It is timed on the thread's own processor clock, so time spent off the processor is not counted, only how
 * fast the core goes; the least of a few tries is kept, as interruptions only ever add. What it cannot leave out is
 * the platform's own threads sharing the machine's caches: it is read at rest, before and after each step.
 */
final class ReferenceWork {

    /** What the work comes to, whatever the machine (pinned in its test: a change to the work is a new reference). */
    static final long CHECKSUM;
    private static final int TRIES = 9;
    private static final int WARM_UP = 20;
    private static final long[] TABLE = new long[1 << 17];
    private static final byte[] BLOCK = new byte[1 << 20];

    static {
        for (int i = 0; i < BLOCK.length; i++) {
            BLOCK[i] = (byte) (i * 31 + (i >>> 7));
        }
        long sum = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sum = work();
        }
        CHECKSUM = sum;
    }

    private ReferenceWork() {
    }

    /** The processor milliseconds the reference work takes on this thread now: the least of a few tries. */
    static double processorMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return leastMillis(TRIES, () -> {
            if (work() != CHECKSUM) {
                throw new IllegalStateException("the reference work came to another result");
            }
        }, threads::getCurrentThreadCpuTime);
    }

    /** The least time {@code work} took over {@code tries} tries, in milliseconds of {@code clock} (nanoseconds). */
    static double leastMillis(int tries, Runnable work, LongSupplier clock) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < tries; i++) {
            long start = clock.getAsLong();
            work.run();
            least = Math.min(least, clock.getAsLong() - start);
        }
        return least / 1e6;
    }

    /** The work itself: about 3.5 ms on the machine of docs/performance.md. Only one thread may run it at a time. */
    static long work() {
        java.util.Arrays.fill(TABLE, 0);
        int mask = TABLE.length - 1;
        long sum = 0;
        for (long key = 1; key <= 60_000; key++) {
            int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 47) & mask;
            while (TABLE[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            TABLE[slot] = key;
        }
        for (long key = 1; key <= 240_000; key++) {
            int slot = (int) ((key * 7 + 3) % 90_000 * 0x9E3779B97F4A7C15L >>> 47) & mask;
            while (TABLE[slot] != 0 && TABLE[slot] != (key * 7 + 3) % 90_000) {
                slot = (slot + 1) & mask;
            }
            sum += TABLE[slot];
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 4; i++) {
                digest.update(BLOCK);
            }
            byte[] hash = digest.digest();
            for (int i = 0; i < 8; i++) {
                sum = sum * 31 + hash[i];
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
        return sum;
    }
}
