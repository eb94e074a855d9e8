package uk.caseqa.notification.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.domain.Notification;

/**
 * Use case: send the pending notifications. Each is claimed first (so two replicas do not both send it), sent to the
 * recipient's address from the council's staff directory, then marked sent. A recipient whose address is not known
 * yet, or a mail server that refuses, leaves it pending for a later try.
 *
 * <p>Every claim is taken at the time it is taken (not at the start of a pass that may have spent minutes sending)
 * and lasts {@value #CLAIM_MINUTES} minutes, longer than any one send can block ({@link Mailer#longestSend()}, checked
 * at start-up), so a claim cannot expire while its email is being sent and another replica cannot send it again.
 */
@Service
public class DispatchingNotifications {

    private static final Logger log = LoggerFactory.getLogger(DispatchingNotifications.class);
    static final int CLAIM_MINUTES = 2;
    static final Duration CLAIM = Duration.ofMinutes(CLAIM_MINUTES);
    private static final Duration RETRY = Duration.ofSeconds(30);
    private final Notifications notifications;
    private final StaffReadModel staff;
    private final Mailer mailer;
    private final Clock clock;
    private final MeterRegistry meters;

    public DispatchingNotifications(Notifications notifications, StaffReadModel staff, Mailer mailer, Clock clock,
            MeterRegistry meters) {
        if (mailer.longestSend().multipliedBy(2).compareTo(CLAIM) > 0) {
            throw new IllegalStateException("a send may block for " + mailer.longestSend() + ", too close to the "
                    + CLAIM + " claim on a notification: lower spring.mail.properties.mail.smtp.*timeout");
        }
        this.notifications = notifications;
        this.staff = staff;
        this.mailer = mailer;
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends what is due; returns how many were sent. */
    public int dispatchPending() {
        int sent = 0;
        String token = UUID.randomUUID().toString();
        Optional<Notification> next;
        while ((next = claimNext(token)).isPresent()) {
            if (dispatch(next.get(), token)) {
                sent++;
            }
        }
        return sent;
    }

    private Optional<Notification> claimNext(String token) {
        Instant now = clock.instant();
        return notifications.claimNext(now, now.plus(CLAIM), token);
    }

    private boolean dispatch(Notification notification, String token) {
        Optional<String> address = staff.find(notification.localAuthority(), notification.recipientId())
                .map(StaffReadModel.Staff::email);
        if (address.isEmpty()) {
            log.info("notification {} waits: no address yet for {} of {}", notification.notificationId(),
                    notification.recipientId(), notification.localAuthority());
            notifications.release(notification.notificationId(), token, clock.instant().plus(RETRY),
                    "recipient's address not known yet");
            return false;
        }
        try {
            mailer.send(address.get(), notification.subject(), notification.body());
        } catch (RuntimeException e) {
            log.warn("notification {} not sent, will retry: {}", notification.notificationId(), e.toString());
            meters.counter("caseqa.notifications.failed").increment();
            notifications.release(notification.notificationId(), token, clock.instant().plus(RETRY),
                    e.getClass().getSimpleName());
            return false;
        }
        if (!notifications.markSent(notification.notificationId(), token, address.get(), clock.instant())) {
            log.warn("notification {} was sent after its claim had passed to another replica", 
                    notification.notificationId());
            meters.counter("caseqa.notifications.claim_lost").increment();
        }
        meters.counter("caseqa.notifications.sent").increment();
        log.info("notification {} sent to {}", notification.notificationId(), notification.recipientId());
        return true;
    }
}
