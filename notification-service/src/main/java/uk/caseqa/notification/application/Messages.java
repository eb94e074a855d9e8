package uk.caseqa.notification.application;

import java.util.Map;
import uk.caseqa.notification.domain.Message;

/** Port: the message of one kind (an event type, e.g. {@code audit-overdue}) in the council's wording. */
public interface Messages {

    Message render(String kind, String localAuthority, Map<String, Object> model);

    /** The message kinds there are templates for (every council has the defaults; some have their own wording). */
    java.util.Set<String> kinds();
}
