package uk.caseqa.notification.application;

/** Port: sends one email. */
public interface Mailer {

    void send(String to, String subject, String body);
}
