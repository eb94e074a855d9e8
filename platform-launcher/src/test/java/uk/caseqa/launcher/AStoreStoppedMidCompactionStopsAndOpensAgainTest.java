package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store compacts its file as it runs. Stopping the platform interrupted a compaction under way; one
 * reading the file then closed the file's channel under the store (Java closes a channel whose reader is
 * interrupted), H2 stopped the store, and closing it looped for ever: the platform benchmark's run never ended. Now
 * the store waits for the compaction to end, and the file opens again with what was written.
 */
class AStoreStoppedMidCompactionStopsAndOpensAgainTest {

    @TempDir
    Path dir;

    @Test
    void closingWaitsForTheCompactionUnderWayWithoutInterruptingItAndTheFileOpensAgain() throws Exception {
        String file = dir.resolve("mongo.mv").toString();
        DurableH2Backend backend = new DurableH2Backend(file);
        try {
            stopMidCompaction(backend);
        } finally {
            backend.close(); // a second close, or the first if an assertion failed first
        }
        DurableH2Backend reopened = new DurableH2Backend(file);
        try {
            assertThat(reopened.getMvStore().<String, String>openMap("kept").get("audit-1")).isEqualTo("submitted");
        } finally {
            reopened.close();
        }
    }

    private static void stopMidCompaction(DurableH2Backend backend) throws Exception {
        MVMap<String, String> kept = backend.getMvStore().openMap("kept");
        kept.put("audit-1", "submitted");
        backend.getMvStore().commit();
        CountDownLatch compacting = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        backend.compactor.execute(() -> { // stands for a compaction that takes a while
            compacting.countDown();
            try {
                mayEnd.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        compacting.await();

        Thread stopping = new Thread(backend::close, "stopping");
        stopping.start();
        await().until(() -> !stopping.isAlive() || stopping.getState() == Thread.State.TIMED_WAITING);
        assertThat(stopping.isAlive()).as("closing waits for the compaction under way").isTrue();
        mayEnd.countDown();
        stopping.join(30_000);

        assertThat(stopping.isAlive()).as("closed once the compaction ended").isFalse();
        assertThat(interrupted).as("the compaction was interrupted").isFalse();
    }
}
