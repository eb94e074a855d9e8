package uk.caseqa.notification.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.domain.Notification;

/**
 * Use case: send the pending notifications. Each is claimed first (so two replicas do not both send it), sent to the
 * recipient's address from the council's staff directory, then marked sent. A recipient whose address is not known
 * yet, or a mail server that refuses, leaves it pending for a later try, after a back-off that doubles each time;
 * once its attempts are spent it is FAILED, visible to operators and counted, until someone sends it again.
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
    private final Notifications notifications;
    private final StaffReadModel staff;
    private final Mailer mailer;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Retries retries;

    /** How often and how far apart a notification is tried: {@code firstBackOff}, doubling, to {@code maxBackOff}. */
    public record Retries(int maxAttempts, Duration firstBackOff, Duration maxBackOff) {
        public Retries {
            if (maxAttempts < 1 || firstBackOff.isNegative() || maxBackOff.compareTo(firstBackOff) < 0) {
                throw new IllegalArgumentException("caseqa.notification.retries: max-attempts >= 1 and max-back-off "
                        + ">= first-back-off, not " + maxAttempts + ", " + firstBackOff + ", " + maxBackOff);
            }
        }

        public static Retries standard() {
            return new Retries(8, Duration.ofSeconds(30), Duration.ofHours(1));
        }

        /** The wait after the given (1-based) failed attempt. */
        public Duration backOff(int attempt) {
            Duration wait = firstBackOff.multipliedBy(1L << Math.min(attempt - 1, 30));
            return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
        }
    }

    @Autowired
    public DispatchingNotifications(Notifications notifications, StaffReadModel staff, Mailer mailer, Clock clock,
            MeterRegistry meters, @Value("${caseqa.notification.retries.max-attempts:8}") int maxAttempts,
            @Value("${caseqa.notification.retries.first-back-off:30s}") Duration firstBackOff,
            @Value("${caseqa.notification.retries.max-back-off:1h}") Duration maxBackOff) {
        this(notifications, staff, mailer, clock, meters, new Retries(maxAttempts, firstBackOff, maxBackOff));
    }

    public DispatchingNotifications(Notifications notifications, StaffReadModel staff, Mailer mailer, Clock clock,
            MeterRegistry meters, Retries retries) {
        this.retries = retries;
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
        Optional<Notifications.Claimed> next;
        while ((next = claimNext(token)).isPresent()) {
            if (dispatch(next.get(), token)) {
                sent++;
            }
        }
        return sent;
    }

    private Optional<Notifications.Claimed> claimNext(String token) {
        Instant now = clock.instant();
        return notifications.claimNext(now, now.plus(CLAIM), token);
    }

    private boolean dispatch(Notifications.Claimed claimed, String token) {
        Notification notification = claimed.notification();
        Optional<String> address = staff.find(notification.localAuthority(), notification.recipientId())
                .map(StaffReadModel.Staff::email);
        if (address.isEmpty()) {
            notSent(claimed, token, Notifications.NO_ADDRESS + notification.recipientId() + " of "
                    + notification.localAuthority());
            return false;
        }
        try {
            mailer.send(address.get(), notification.subject(), notification.body(), notification.html(),
                    notification.notificationId());
        } catch (RuntimeException e) {
            meters.counter("caseqa.notifications.failed").increment();
            notSent(claimed, token, e.getClass().getSimpleName() + ": " + e.getMessage());
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

    /** Tried again after a back-off that doubles each time, or FAILED once the attempts are spent. */
    private void notSent(Notifications.Claimed claimed, String token, String reason) {
        String id = claimed.notification().notificationId();
        if (claimed.attempt() >= retries.maxAttempts()) {
            log.error("notification {} FAILED after {} attempts: {}", id, claimed.attempt(), reason);
            meters.counter("caseqa.notifications.given_up").increment();
            notifications.giveUp(id, token, clock.instant(), reason);
            return;
        }
        Instant retryAt = clock.instant().plus(retries.backOff(claimed.attempt()));
        log.warn("notification {} not sent (attempt {} of {}), next try at {}: {}", id, claimed.attempt(),
                retries.maxAttempts(), retryAt, reason);
        notifications.retryLater(id, token, retryAt, reason);
    }

    /**
     * A member of staff newly in the council's directory: what waited for their address (pending, or FAILED once its
     * attempts were spent) is due now, from its first attempt again.
     */
    public void registered(String localAuthority, String staffId) {
        int due = notifications.addressKnownNow(localAuthority, staffId, clock.instant());
        if (due > 0) {
            log.info("{} of {} is now in the staff directory: {} notification(s) waiting for their address are due",
                    staffId, localAuthority, due);
        }
    }

    /**
     * Sends a FAILED notification again (its cause fixed), at the request of the council's QA team; false when it is
     * not FAILED in that council.
     */
    public boolean sendAgain(String localAuthority, String notificationId, String by) {
        if (!staff.hasRole(localAuthority, by, uk.caseqa.contracts.StaffRole.QA_TEAM)) {
            throw new SecurityException(by + " is not in the QA team of " + localAuthority
                    + ": only the QA team sends a failed notification again");
        }
        boolean again = notifications.sendAgain(localAuthority, notificationId, clock.instant());
        if (again) {
            log.info("notification {} of {} sent again at the request of {}", notificationId, localAuthority, by);
        }
        return again;
    }
}
