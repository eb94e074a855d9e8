package uk.caseqa.notification.application;

import java.time.Duration;

/** Port: sends one email. */
public interface Mailer {

    void send(String to, String subject, String body);

    /** The longest one send can block before it fails (the mail server's connect, read and write timeouts). */
    Duration longestSend();
}
