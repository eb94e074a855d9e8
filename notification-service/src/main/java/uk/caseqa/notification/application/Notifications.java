package uk.caseqa.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.caseqa.notification.domain.Notification;

/**
 * Port: notifications, one per event and recipient, each on its way PENDING -> SENT, or FAILED once its retries are
 * spent (and PENDING again if someone sends it again).
 */
public interface Notifications {

    /** False when this event already has a notification for this recipient. */
    default boolean insertIfAbsent(Notification notification) {
        return insertIfAbsent(notification, null);
    }

    /**
     * As {@link #insertIfAbsent(Notification)}; with {@code digestAt}, the notification waits (DIGEST) to be gathered
     * into its recipient's digest from then.
     */
    boolean insertIfAbsent(Notification notification, Instant digestAt);

    /**
     * A reminder, sent from {@code remindAt} unless {@link #cancelReminders} is called first with the same
     * {@code until} event type and {@code key}; false when it exists already.
     */
    boolean insertReminder(Notification reminder, Instant remindAt, String until, String key);

    /** The work was done: reminders still waiting for it are CANCELLED; returns how many. */
    int cancelReminders(String localAuthority, String until, String key);

    /** Councils and recipients with routine notifications waiting for a digest due by {@code now}. */
    List<Recipient> digestsDue(Instant now);

    /** Moves the recipient's waiting routine notifications due by {@code now} into digest {@code digestId}. */
    void gather(Recipient recipient, Instant now, String digestId);

    /** Digests gathered but whose message is not written yet (also after a crash in between). */
    List<String> digestsToWrite();

    /** The notifications gathered into a digest, oldest first. */
    List<Notification> inDigest(String digestId);

    /** The digest's message is written: its notifications are done. */
    void digestWritten(String digestId);

    /** A council's member of staff. */
    record Recipient(String localAuthority, String staffId) {
    }

    /**
     * Claims one pending notification due by {@code now} until {@code until}, under {@code claimToken}: another
     * replica will not claim it before then. Counts the attempt.
     */
    Optional<Claimed> claimNext(Instant now, Instant until, String claimToken);

    /** Marks it sent; false when the claim had passed to another replica meanwhile (which may send it too). */
    boolean markSent(String notificationId, String claimToken, String address, Instant at);

    /** Gives the claim back, to try again after {@code retryAt}; nothing if the claim is no longer this one. */
    void retryLater(String notificationId, String claimToken, Instant retryAt, String reason);

    /** Its retries are spent: FAILED, with the reason, until someone sends it again. */
    void giveUp(String notificationId, String claimToken, Instant at, String reason);

    /** A FAILED notification goes back to PENDING with its attempts reset; false if it is not FAILED. */
    boolean sendAgain(String localAuthority, String notificationId, Instant now);

    /**
     * Notifications to this member of staff that waited for their address ({@value #NO_ADDRESS}...), pending or
     * FAILED, are due now with their attempts reset; returns how many.
     */
    int addressKnownNow(String localAuthority, String recipientId, Instant now);

    /** How a try that found no address for its recipient is recorded (its {@code lastProblem} begins so). */
    String NO_ADDRESS = "no address known for ";

    List<NotificationStatus> forRecipient(String localAuthority, String recipientId);

    /** The council's notifications in one state (e.g. FAILED), oldest first. */
    List<NotificationStatus> inStatus(String localAuthority, Status status);

    /** How many notifications are in the state, across councils (for the operators' gauges). */
    long count(Status status);

    /**
     * Nobody holds the party the route names, even up the line: kept (status {@code NO_RECIPIENT}) for operators,
     * once per event and party.
     */
    void recordNobodyToTell(String eventId, String localAuthority, String party, String eventType, Instant at);

    /**
     * Where a notification is on its way: PENDING -> SENT, or FAILED when its retries are spent; DIGEST waits for
     * the recipient's digest and is IN_DIGEST once gathered into one; NO_RECIPIENT records that nobody could be told;
     * CANCELLED is a reminder whose work was done before it was due.
     */
    enum Status { PENDING, SENT, FAILED, DIGEST, IN_DIGEST, NO_RECIPIENT, CANCELLED }

    /** A claimed notification and which attempt this is (1 for the first). */
    record Claimed(Notification notification, int attempt) {
    }

    /** A notification as operators see it. */
    record NotificationStatus(String notificationId, String recipientId, String subject, String status,
            Instant createdAt, Instant sentAt, String lastProblem, int attempts, Instant nextAttemptAt) {
    }
}
