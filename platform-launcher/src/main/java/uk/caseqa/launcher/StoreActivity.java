package uk.caseqa.launcher;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the embedded store has been asked and has done since it opened: the commands it served, by database,
 * collection and command ({@code "caseqa-audit audits update"}), the commits that wrote something to its file, and
 * the bytes it read back from the file (what its page cache missed). Deterministic where processor time is not, so the
 * platform benchmark prints it per submission: it says what a change saves on any machine.
 */
public record StoreActivity(Map<String, Long> commands, long commits, long bytesRead) {

    public static final StoreActivity NONE = new StoreActivity(Map.of(), 0, 0);

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

    /** The commands that change documents (each one a commit when it changed something). */
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
