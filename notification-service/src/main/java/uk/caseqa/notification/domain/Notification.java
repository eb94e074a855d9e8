package uk.caseqa.notification.domain;

import java.time.Instant;

/**
 * One email to one recipient about one event. Its id is the event id and the recipient, so a redelivered event
 * cannot make a second one. The text carries a reference, dates and a link: never a child's name or case content.
 */
public record Notification(String notificationId, String eventId, String localAuthority, String recipientId,
        String subject, String body, Instant createdAt) {

    public static String idFor(String eventId, String recipientId) {
        return eventId + ":" + recipientId;
    }
}
