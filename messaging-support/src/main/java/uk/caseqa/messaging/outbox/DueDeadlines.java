package uk.caseqa.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Fires the deadlines of each aggregate found due, one at a time, so that one that cannot be fired (a profile
 * renamed in configuration, a document that no longer reads) is logged with its reason and set aside for
 * {@link #SET_ASIDE} instead of stopping the pass: every other aggregate's deadlines still fire, on every replica.
 */
public final class DueDeadlines {

    /** How long an aggregate whose deadlines failed is left out of the scans before it is tried again. */
    public static final Duration SET_ASIDE = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(DueDeadlines.class);

    /** Where a failing aggregate is set aside: stored, so every replica skips it until then. */
    @FunctionalInterface
    public interface SetAside {
        void until(String id, Instant until, String reason);
    }

    private DueDeadlines() {
    }

    /** Applies {@code fire} to each id (true when it fired and saved); returns how many this replica fired. */
    public static int fireEach(String what, List<String> dueIds, Instant now, Predicate<String> fire, SetAside setAside) {
        int fired = 0;
        for (String id : dueIds) {
            try {
                if (fire.test(id)) {
                    fired++;
                }
            } catch (OptimisticLockingFailureException anotherReplicaWasFaster) {
                log.debug("deadline of {} {} handled by another replica", what, id);
            } catch (RuntimeException failed) {
                String reason = failed.getClass().getSimpleName() + ": " + failed.getMessage();
                log.error("deadlines of {} {} could not be fired; set aside until {} and retried then: {}", what, id,
                        now.plus(SET_ASIDE), reason, failed);
                setAside.until(id, now.plus(SET_ASIDE), reason);
            }
        }
        return fired;
    }
}
