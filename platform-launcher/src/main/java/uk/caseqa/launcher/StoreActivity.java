package uk.caseqa.launcher;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the embedded store has been asked and has done: the commands it served since it opened, by database,
 * collection and command ({@code "caseqa-audit audits update"}); its commits that wrote something to the file (its
 * version, counted from the file's creation); and the bytes it read back from the file (what its page cache missed,
 * and what the compactor read). Only the difference between two readings ({@link #since}) means anything. The
 * platform benchmark prints it per submission: the commands are steady between runs of the same code where processor
 * time is not, so they show what a change saves on any evening.
 */
public record StoreActivity(Map<String, Long> commands, long commits, long bytesRead) {

    public StoreActivity {
        commands = Map.copyOf(commands);
    }

    /** What happened between {@code before} and this. */
    public StoreActivity since(StoreActivity before) {
        Map<String, Long> asked = new LinkedHashMap<>();
        commands.forEach((key, count) -> {
            long delta = count - before.commands.getOrDefault(key, 0L);
            if (delta > 0) {
                asked.put(key, delta);
            }
        });
        return new StoreActivity(asked, commits - before.commits, bytesRead - before.bytesRead);
    }

    /** Every command served. */
    public long commandCount() {
        return commands.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The commands that may change documents, committed before they are answered (a commit only when one did change
     * something, and writers arriving together share one).
     */
    public long writeCount() {
        return commands.entrySet().stream().filter(e -> DurableH2Backend.isWrite(e.getKey()
                .substring(e.getKey().lastIndexOf(' ') + 1))).mapToLong(Map.Entry::getValue).sum();
    }

    /** The {@code most} most frequent commands, most frequent first. */
    public Map<String, Long> mostAsked(int most) {
        Map<String, Long> top = new LinkedHashMap<>();
        commands.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(most).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
