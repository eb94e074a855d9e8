package uk.caseqa.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The machine's speed at the moment, as the processor time one fixed piece of work takes on one thread: the same code
 * has cost 47 ms of processor a submission in one run and 76 ms in the next, in every thread alike, with the same store
 * commands (docs/performance.md), and a shared machine's cores run faster or slower with what its other tenants do.
 * Read beside a step's processor time it says whether the platform did more, or the machine was slower.
 * <p>
 * The work is like the platform's (strings made and hashed, a map filled and read, a digest of a few megabytes), always
 * the same ({@link #CHECKSUM}, so the compiler cannot leave any of it out), and timed on the thread's own processor
 * clock, so time spent waiting for a core is not counted, only how fast the core goes. The least of a few tries is
 * kept: interruptions only ever add.
 */
final class ReferenceWork {

    /** What the work comes to, whatever the machine. */
    static final long CHECKSUM = work();
    private static final int TRIES = 5;

    private ReferenceWork() {
    }

    /** The processor milliseconds the reference work takes on this thread now: the least of a few tries. */
    static double processorMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return leastMillis(() -> {
            if (work() != CHECKSUM) {
                throw new IllegalStateException("the reference work came to another result");
            }
        }, threads::getCurrentThreadCpuTime);
    }

    /** The least time {@code work} took over {@link #TRIES} tries, in milliseconds of {@code clock} (nanoseconds). */
    static double leastMillis(Runnable work, LongSupplier clock) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            long start = clock.getAsLong();
            work.run();
            least = Math.min(least, clock.getAsLong() - start);
        }
        return least / 1e6;
    }

    /** The work itself: about 20 ms on the machines of docs/performance.md. */
    static long work() {
        Map<String, Integer> map = new HashMap<>();
        long sum = 0;
        for (int i = 0; i < 50_000; i++) {
            map.put("audit-" + (i * 2_654_435_761L % 1_000_003), i);
        }
        for (int i = 0; i < 100_000; i++) {
            Integer found = map.get("audit-" + (i * 40_503L % 1_000_003));
            sum += found == null ? 1 : found;
        }
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31 + (i >>> 7));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 4; i++) {
                digest.update(block);
            }
            digest.update(String.valueOf(sum).getBytes(StandardCharsets.US_ASCII));
            byte[] hash = digest.digest();
            for (int i = 0; i < 8; i++) {
                sum = sum * 31 + hash[i];
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
        return sum + map.size();
    }
}
