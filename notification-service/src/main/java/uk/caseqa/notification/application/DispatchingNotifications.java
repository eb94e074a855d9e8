package uk.caseqa.notification.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.domain.Notification;

/**
 * Use case: send the pending notifications. Each is claimed first (so two replicas do not both send it), sent to the
 * recipient's address from the staff directory, then marked sent. A recipient whose address is not known yet, or a
 * mail server that refuses, leaves it pending for a later try.
 */
@Service
public class DispatchingNotifications {

    private static final Logger log = LoggerFactory.getLogger(DispatchingNotifications.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration RETRY = Duration.ofSeconds(30);
    private final Notifications notifications;
    private final StaffReadModel staff;
    private final Mailer mailer;
    private final Clock clock;
    private final MeterRegistry meters;

    public DispatchingNotifications(Notifications notifications, StaffReadModel staff, Mailer mailer, Clock clock,
            MeterRegistry meters) {
        this.notifications = notifications;
        this.staff = staff;
        this.mailer = mailer;
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends what is due; returns how many were sent. */
    public int dispatchPending() {
        int sent = 0;
        Instant now = clock.instant();
        Optional<Notification> next;
        while ((next = notifications.claimNext(now, now.plus(CLAIM))).isPresent()) {
            if (dispatch(next.get(), now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean dispatch(Notification notification, Instant now) {
        Optional<String> address = staff.find(notification.recipientId()).map(StaffReadModel.Staff::email);
        if (address.isEmpty()) {
            log.info("notification {} waits: no address yet for {}", notification.notificationId(),
                    notification.recipientId());
            notifications.release(notification.notificationId(), now.plus(RETRY), "recipient's address not known yet");
            return false;
        }
        try {
            mailer.send(address.get(), notification.subject(), notification.body());
        } catch (RuntimeException e) {
            log.warn("notification {} not sent, will retry: {}", notification.notificationId(), e.toString());
            meters.counter("caseqa.notifications.failed").increment();
            notifications.release(notification.notificationId(), now.plus(RETRY), e.getClass().getSimpleName());
            return false;
        }
        notifications.markSent(notification.notificationId(), address.get(), now);
        meters.counter("caseqa.notifications.sent").increment();
        log.info("notification {} sent to {}", notification.notificationId(), notification.recipientId());
        return true;
    }
}
