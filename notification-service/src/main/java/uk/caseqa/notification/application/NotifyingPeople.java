package uk.caseqa.notification.application;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.notification.domain.Alerts;

/** Use case: an event someone must act on becomes a notification to them, once however often it arrives. */
@Service
public class NotifyingPeople {

    private final Notifications notifications;
    private final Clock clock;
    private final String concernServiceUrl;

    public NotifyingPeople(Notifications notifications, Clock clock,
            @Value("${caseqa.links.concern-service}") String concernServiceUrl) {
        this.notifications = notifications;
        this.clock = clock;
        this.concernServiceUrl = concernServiceUrl;
    }

    public boolean caseOfConcernOpened(EventEnvelope<CaseOfConcernOpened> event) {
        return notifications.insertIfAbsent(Alerts.caseOfConcernOpened(event.id(), event.localAuthority(),
                event.data(), concernServiceUrl, clock.instant()));
    }
}
