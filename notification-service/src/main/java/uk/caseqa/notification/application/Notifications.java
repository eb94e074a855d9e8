package uk.caseqa.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.caseqa.notification.domain.Notification;

/** Port: notifications waiting to be sent and sent, one per event and recipient. */
public interface Notifications {

    /** False when this event already has a notification for this recipient. */
    boolean insertIfAbsent(Notification notification);

    /** Claims one pending notification for {@code until} (another replica will not send it meanwhile). */
    Optional<Notification> claimNext(Instant now, Instant until);

    void markSent(String notificationId, String address, Instant at);

    /** Gives the claim back, to try again after {@code retryAt}. */
    void release(String notificationId, Instant retryAt, String reason);

    List<NotificationStatus> forRecipient(String recipientId);

    /** A notification as operators see it. */
    record NotificationStatus(String notificationId, String recipientId, String subject, String status,
            Instant createdAt, Instant sentAt, String lastProblem) {
    }
}
