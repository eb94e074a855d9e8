package uk.caseqa.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reading of the processor time each of this JVM's threads has used, from Linux's {@code /proc/self/task} (the
 * compiler's and the collector's threads too, which Java's thread bean does not list), grouped by the name Linux
 * keeps (its first 15 characters) without a trailing number: {@code GC Thread#1} under {@code GC Thread},
 * {@code C2 CompilerThre} as it is, {@code http-nio-8081-exec-3} under {@code http-nio-8081-e} (cut before its
 * number). Pools whose names differ only after 15 characters are one group: every service's Kafka consumers are
 * {@code KafkaConsumerDe}, every producer's sender {@code kafka-producer-}. Where a step's processor time goes, so
 * that a change is judged by the part it touches rather than the total, which the same code varies by half between
 * runs (docs/performance.md). A thread that ended between two readings is missing from their difference, and one
 * renamed between them counts from nothing; on a system without {@code /proc} the reading is empty.
 */
record ProcessorByThread(Map<String, ThreadTime> threads) {

    /** Linux counts a thread's time in ticks of a hundredth of a second (USER_HZ). */
    static final long NANOS_PER_TICK = 10_000_000L;

    /** One thread: its group and the processor time it has used, in nanoseconds. */
    record ThreadTime(String group, long nanos) {
    }

    static ProcessorByThread now() {
        Map<String, ThreadTime> threads = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new ProcessorByThread(threads);
        }
        try (Stream<Path> each = Files.list(tasks)) {
            each.forEach(task -> {
                try {
                    ThreadTime thread = parse(Files.readString(task.resolve("stat")));
                    if (thread != null) {
                        threads.put(task.getFileName().toString(), thread);
                    }
                } catch (IOException ended) {
                    // the thread ended while it was read: its time is not counted
                }
            });
        } catch (IOException | java.io.UncheckedIOException | NumberFormatException unreadable) {
            return new ProcessorByThread(Map.of());
        }
        return new ProcessorByThread(threads);
    }

    /**
     * A thread from its {@code stat} line: {@code tid (name) state ...}, the user and system ticks the 14th and 15th
     * fields. The name may hold spaces and parentheses, so it runs to the last closing one. Null when not such a line.
     */
    static ThreadTime parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        if (fields.length < 13) {
            return null;
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return new ThreadTime(groupOf(stat.substring(open + 1, close)), ticks * NANOS_PER_TICK);
    }

    /** A thread's name without the number that tells it from the others of its pool. */
    static String groupOf(String name) {
        String group = name.replaceAll("[-#_ .]*\\d+$", "");
        return group.isEmpty() ? name : group;
    }

    /** Processor time by group since {@code before}, in nanoseconds, the most first. */
    Map<String, Long> since(ProcessorByThread before) {
        Map<String, Long> byGroup = new HashMap<>();
        threads.forEach((id, thread) -> {
            ThreadTime earlier = before.threads().get(id);
            long used = earlier != null && earlier.group().equals(thread.group()) ? thread.nanos() - earlier.nanos()
                    : thread.nanos();
            byGroup.merge(thread.group(), used, Long::sum);
        });
        Map<String, Long> most = new LinkedHashMap<>();
        byGroup.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> most.put(e.getKey(), e.getValue()));
        return most;
    }
}
