package uk.caseqa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform benchmark prints, per step, which of the JVM's threads used the processor (the compiler, the
 * collector, the consumers, the store's server...), by pool rather than by thread, from what Linux counts for each.
 */
class TheBenchmarkSaysWhichThreadsUsedTheProcessorTest {

    @Test
    void aThreadsTimeIsItsUserAndSystemTicksUnderItsPoolsName() {
        ProcessorByThread.ThreadTime compiler = ProcessorByThread.parse("4121 (C2 CompilerThre) S 1 4100 4100 0 -1"
                + " 4194368 66 0 0 0 3512 87 0 0 20 0 2 0 1093 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 -1"
                + " 1 0 0 0 0 0");
        ProcessorByThread.ThreadTime odd = ProcessorByThread.parse("77 (a (b) c-12) R 1 2 3 0 -1 0 0 0 0 0 5 6 0 0");

        assertThat(compiler).isEqualTo(new ProcessorByThread.ThreadTime("C2 CompilerThre", (3512 + 87) * 10_000_000L));
        assertThat(odd).as("a name with spaces and brackets runs to the last bracket")
                .isEqualTo(new ProcessorByThread.ThreadTime("a (b) c", 11 * 10_000_000L));
        assertThat(ProcessorByThread.parse("not a stat line")).isNull();
        assertThat(ProcessorByThread.groupOf("http-nio-8081-e")).as("as Linux keeps http-nio-8081-exec-3")
                .isEqualTo("http-nio-8081-e");
        assertThat(ProcessorByThread.groupOf("store-compactor")).isEqualTo("store-compactor");
        assertThat(ProcessorByThread.groupOf("GC Thread#1")).isEqualTo("GC Thread");
        assertThat(ProcessorByThread.groupOf("G1 Conc#0")).isEqualTo("G1 Conc");
        assertThat(ProcessorByThread.groupOf("42")).as("a name that is only a number stays").isEqualTo("42");
    }

    @Test
    void aStepCountsWhatEachPoolUsedSinceItsStartAndAThreadStartedMeanwhileFromNothing() {
        ProcessorByThread before = new ProcessorByThread(Map.of(
                "1", new ProcessorByThread.ThreadTime("http-nio-8081-e", 100),
                "2", new ProcessorByThread.ThreadTime("http-nio-8081-e", 50),
                "3", new ProcessorByThread.ThreadTime("store-compactor", 70)));
        ProcessorByThread after = new ProcessorByThread(Map.of(
                "1", new ProcessorByThread.ThreadTime("http-nio-8081-e", 130),
                "2", new ProcessorByThread.ThreadTime("http-nio-8081-e", 60),
                "3", new ProcessorByThread.ThreadTime("store-compactor", 70),
                "4", new ProcessorByThread.ThreadTime("outbox-relay-so", 500)));

        assertThat(after.since(before)).containsExactly(Map.entry("outbox-relay-so", 500L),
                Map.entry("http-nio-8081-e", 40L));
    }

    @Test
    void thisJvmsOwnThreadsAreRead() {
        ProcessorByThread now = ProcessorByThread.now();

        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(now.threads()).as("at least this thread").isNotEmpty();
            assertThat(now.threads().values()).extracting(ProcessorByThread.ThreadTime::group)
                    .as("the JVM's own threads, which Java's thread bean does not list").contains("VM Thread");
            assertThat(now.threads().values().stream().mapToLong(ProcessorByThread.ThreadTime::nanos).sum())
                    .as("a JVM that ran this far has used the processor").isPositive();
        } else {
            assertThat(now.threads()).isEmpty();
        }
    }
}
