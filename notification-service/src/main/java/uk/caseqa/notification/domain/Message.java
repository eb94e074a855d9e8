package uk.caseqa.notification.domain;

/** A rendered message: its subject, the page where the work is done, and the plain-text and HTML parts. */
public record Message(String subject, String link, String text, String html) {
}
