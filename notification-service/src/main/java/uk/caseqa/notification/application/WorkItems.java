package uk.caseqa.notification.application;

import java.time.Instant;
import java.util.List;
import uk.caseqa.notification.domain.WorkItem;

/** Port: each person's open work, kept from the events (idempotent: a later event wins over an earlier one). */
public interface WorkItems {

    /** Gives the item to its person, unless it was done by a later event than the one at {@code at}. */
    void open(WorkItem item, Instant at);

    /** Marks the matching open items done, unless they were given by a later event. */
    void done(WorkItem.Done done, Instant at);

    /** The person's open items in their council, soonest due first. */
    List<WorkItem> openFor(String council, String staffId);
}
