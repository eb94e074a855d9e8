package uk.caseqa.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.caseqa.notification.domain.Notification;

/** Port: notifications waiting to be sent and sent, one per event and recipient. */
public interface Notifications {

    /** False when this event already has a notification for this recipient. */
    boolean insertIfAbsent(Notification notification);

    /**
     * Claims one pending notification due by {@code now} until {@code until}, under {@code claimToken}: another
     * replica will not claim it before then.
     */
    Optional<Notification> claimNext(Instant now, Instant until, String claimToken);

    /** Marks it sent; false when the claim had passed to another replica meanwhile (which may send it too). */
    boolean markSent(String notificationId, String claimToken, String address, Instant at);

    /** Gives the claim back, to try again after {@code retryAt}; nothing if the claim is no longer this one. */
    void release(String notificationId, String claimToken, Instant retryAt, String reason);

    /** The council's notifications to this member of staff (staff ids are each council's own). */
    List<NotificationStatus> forRecipient(String localAuthority, String recipientId);

    /** A notification as operators see it. */
    record NotificationStatus(String notificationId, String recipientId, String subject, String status,
            Instant createdAt, Instant sentAt, String lastProblem) {
    }
}
