package uk.caseqa.notification.application;

import java.util.List;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.notification.domain.WorkItem;

/**
 * Use case: every person's work across the services (audits to submit, actions, moderations, IRO comments, safety
 * plans), kept from the events each service publishes, so one page can show it without calling any of them.
 */
@Service
public class KeepingWorkLists {

    private final WorkItems items;

    KeepingWorkLists(WorkItems items) {
        this.items = items;
    }

    public void apply(EventEnvelope<EventPayload> event) {
        for (WorkItem.Change change : WorkItem.changesOf(event.localAuthority(), event.data())) {
            if (change instanceof WorkItem.Opened opened) {
                items.open(opened.item(), event.time());
            } else if (change instanceof WorkItem.Done done) {
                items.done(done, event.time());
            }
        }
    }

    public List<WorkItem> of(String council, String staffId) {
        return items.openFor(council, staffId);
    }
}
