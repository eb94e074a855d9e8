package uk.caseqa.messaging.outbox;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass over stored work (the outbox relay's, the mail dispatch's) run as soon as it is asked for ({@link #nudge}),
 * on threads of its own, so that whoever stored the work never waits for it. A nudge that arrives while passes run
 * starts another beside them, up to {@code passes} at once; each pass claims its own documents (a claim is one atomic
 * write), so nothing is done twice. Nudges that arrive while a pass waits to start are that pass: a burst of nudges
 * is one more pass, not many.
 * <p>
 * The threads start with the service, at normal priority, not later from whichever thread nudges first: a thread
 * keeps the operating system's priority of the thread that started it, Linux lets a process lower a thread's priority
 * but not raise it again, and the first nudge may come from a background consumer (BackgroundBindings).
 */
public final class NudgedPasses implements AutoCloseable {

    private final ThreadPoolExecutor threads;
    private final Runnable pass;
    /** A pass asked for and not yet started: at most one waits. */
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * {@code name}: the threads' name, numbered; {@code setting}: the property that gives {@code passes}, named when it
     * is below 1.
     */
    public NudgedPasses(String name, int passes, String setting, Runnable pass) {
        if (passes < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, not " + passes);
        }
        this.pass = pass;
        AtomicInteger numbered = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(passes, passes, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, name + "-" + numbered.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY);
                    return thread;
                });
        threads.prestartAllCoreThreads();
    }

    /** Returns at once: a pass starts soon, unless one already waits to start. */
    public void nudge() {
        if (queued.compareAndSet(false, true)) {
            try {
                threads.execute(() -> {
                    queued.set(false);
                    pass.run();
                });
            } catch (RejectedExecutionException stopping) {
                queued.set(false); // closing: the next start's poll does the work
            }
        }
    }

    /** No pass starts after this; one under way has 5 seconds to end. */
    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
