package uk.caseqa.messaging.inbound;

import com.mongodb.WriteConcern;
import org.springframework.data.mongodb.core.MongoAction;
import org.springframework.data.mongodb.core.WriteConcernResolver;

/**
 * The writes one event causes, made without waiting for the journal ({@code j: false}) and then made durable
 * together by one last write at the service's own write concern ({@link #run}'s {@code settle}), instead of each on
 * its own. A consumer whose event writes several documents (notification-service: the email, its reminder, the work
 * item) pays one commit for them on the embedded store, not one each; the store's commits are what its consumers
 * wait for under load (docs/performance.md).
 * <p>
 * Safe for the same reason as the received-event record ({@link ReceivedEvents}): MongoDB's journal, like the
 * embedded store's commit, is written in order, so the last write, once durable, makes everything before it durable
 * too (on MongoDB as durable as the service's writes were before). A crash before the settling write may lose some of
 * the event's writes; the event was not acknowledged to Kafka either, so it comes again and its idempotent handler
 * writes them again. Reads see each write at once, whatever its journal.
 * <p>
 * Installed as the service's template's {@link WriteConcernResolver}: outside {@link #run} (another thread, or no
 * event) every write keeps the template's own write concern.
 */
public final class OneCommitPerEvent implements WriteConcernResolver {

    /** The writes made so far in the event this thread is handling; absent when it handles none. */
    private static final ThreadLocal<int[]> WRITES = new ThreadLocal<>();
    private final WriteConcern unjournaled;

    /** {@code database}: the write concern the database's writes have by default, kept but for the journal. */
    public OneCommitPerEvent(WriteConcern database) {
        this.unjournaled = database.withJournal(false);
    }

    @Override
    public WriteConcern resolve(MongoAction action) {
        int[] writes = WRITES.get();
        if (writes == null) {
            return action.getDefaultWriteConcern();
        }
        writes[0]++;
        return action.getDefaultWriteConcern() == null ? unjournaled
                : action.getDefaultWriteConcern().withJournal(false);
    }

    /**
     * Runs {@code work} with its writes (through a template resolved by this class) not waiting for the journal, then,
     * if it wrote anything, {@code settle}: a write at the service's own write concern. If {@code work} fails, nothing is
     * settled (the event is tried again). Within another {@code run} on the same thread, {@code work} joins it.
     */
    public static void run(Runnable work, Runnable settle) {
        if (WRITES.get() != null) {
            work.run();
            return;
        }
        int[] writes = {0};
        WRITES.set(writes);
        try {
            work.run();
        } finally {
            WRITES.remove();
        }
        if (writes[0] > 0) {
            settle.run();
        }
    }
}
