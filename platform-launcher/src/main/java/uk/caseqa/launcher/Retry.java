package uk.caseqa.launcher;

import java.time.Duration;
import java.util.function.Supplier;

/** Retries a call while the asynchronous side catches up (a case not yet recorded, a moderation not yet started). */
final class Retry {

    private Retry() {
    }

    static <T> T until(Supplier<T> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }
}
