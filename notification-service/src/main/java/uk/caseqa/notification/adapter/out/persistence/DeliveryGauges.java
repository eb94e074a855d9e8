package uk.caseqa.notification.adapter.out.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.Notifications;

/**
 * {@code caseqa_notifications_waiting{status=PENDING|FAILED|NO_RECIPIENT}}: what is still to send, what gave up, and
 * for whom nobody could be found to tell.
 */
@Component
class DeliveryGauges {

    DeliveryGauges(Notifications notifications, MeterRegistry meters) {
        for (Notifications.Status status : new Notifications.Status[] {Notifications.Status.PENDING,
                Notifications.Status.FAILED, Notifications.Status.NO_RECIPIENT}) {
            Gauge.builder("caseqa.notifications.waiting", notifications, n -> n.count(status))
                    .tag("status", status.name())
                    .description("notifications " + status.name().toLowerCase(java.util.Locale.ROOT) + " now")
                    .register(meters);
        }
    }
}
