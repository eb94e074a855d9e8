package uk.caseqa.notification.domain;

import java.time.Instant;

/**
 * One email to one recipient about one event. Its id is the event id and the recipient, so a redelivered event
 * cannot make a second one. The text carries a reference, dates and a link: never a child's name or case content.
 * {@code html} is the same message for mail clients that show HTML; ROUTINE ones may wait for the recipient's digest.
 */
public record Notification(String notificationId, String eventId, String localAuthority, String recipientId,
        String subject, String body, Instant createdAt, String html, Route.Urgency urgency, String link) {

    public static String idFor(String eventId, String recipientId) {
        return eventId + ":" + recipientId;
    }

    /** A plain-text, urgent notification (tests, digests). */
    public Notification(String notificationId, String eventId, String localAuthority, String recipientId,
            String subject, String body, Instant createdAt) {
        this(notificationId, eventId, localAuthority, recipientId, subject, body, createdAt, null, Route.Urgency.URGENT,
                null);
    }
}
