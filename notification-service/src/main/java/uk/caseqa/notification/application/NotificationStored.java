package uk.caseqa.notification.application;

/** A notification stored to be sent now (not gathered into a digest): the dispatcher sends it without waiting. */
public record NotificationStored(String notificationId) {
}
