package uk.caseqa.notification.application;

import java.time.Duration;

/** Port: sends one email. */
public interface Mailer {

    /** Sends the plain-text body, and the HTML one alongside it when there is one. */
    void send(String to, String subject, String body, String html);

    /** The longest one send can block before it fails (the mail server's connect, read and write timeouts). */
    Duration longestSend();
}
