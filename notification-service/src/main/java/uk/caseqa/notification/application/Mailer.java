package uk.caseqa.notification.application;

import java.time.Duration;

/** Port: sends one email. */
public interface Mailer {

    /**
     * Sends the plain-text body, and the HTML one alongside it when there is one. {@code reference} (the
     * notification's id) becomes the message's Message-ID, so a message sent again after a crash is the same message
     * to the recipient's mail system, which shows it once.
     */
    void send(String to, String subject, String body, String html, String reference);

    /** The longest one send can block before it fails (the mail server's connect, read and write timeouts). */
    Duration longestSend();
}
