package uk.caseqa.messaging.config;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service started by the embedded run's launcher ({@code ./run-platform --processes}) stops when the launcher is
 * gone, even after a {@code kill -9} of it, instead of living on with its port and nobody to stop it. Set by the
 * launcher with {@code caseqa.parent-pid}; never set in a deployment. It looks every 2 s on a thread of its own: the
 * shared scheduler may be blocked for half a minute on a store that went with the launcher.
 */
public class ParentWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);
    private final long parentPid;
    private final Runnable stop;

    private java.util.concurrent.ScheduledExecutorService watching;

    public ParentWatch(long parentPid, Runnable stop) {
        this.parentPid = parentPid;
        this.stop = stop;
    }

    /** Starts looking every 2 s. */
    public ParentWatch start() {
        watching = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parent-watch");
            thread.setDaemon(true);
            return thread;
        });
        watching.scheduleWithFixedDelay(this::check, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void close() {
        if (watching != null) {
            watching.shutdownNow();
        }
    }

    /** True, and the service is stopped, when the parent process has ended. */
    public boolean check() {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        log.warn("the launcher (pid {}) that started this service has ended: stopping", parentPid);
        stop.run();
        return true;
    }
}
