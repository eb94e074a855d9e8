package uk.caseqa.notification.adapter.out.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.Mailer;

@Component
class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;

    private static final int SMTP_REPLIES = 8;
    private final java.time.Duration longestSend;
    /**
     * The file types a message's attachments would be typed by (ours have none), read once. Spring's helper reads and
     * parses its mime.types file again for each message not made by the sender itself, as ours is (it sets its own
     * Message-ID): at 10 submissions a second with 100,000 stored, a tenth of what the platform allocated.
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();
    /** Only for writing messages; the sender opens its own session to the server. */
    private final jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());

    SmtpMailer(JavaMailSender sender, @Value("${caseqa.mail.from}") String from,
            @Value("${spring.mail.properties.mail.smtp.connectiontimeout}") long connectMillis,
            @Value("${spring.mail.properties.mail.smtp.timeout}") long readMillis,
            @Value("${spring.mail.properties.mail.smtp.writetimeout}") long writeMillis) {
        this.sender = sender;
        this.from = from;
        // Jakarta Mail's provider named for the whole JVM, so that no message searches the class path for it
        StreamProviderNamedOnce.name(Thread.currentThread().getContextClassLoader());
        // the timeouts bound each socket operation; one send is a connect, the data written, and about eight replies
        // read (greeting, EHLO, MAIL, RCPT, DATA, end of data, QUIT, and a spare)
        this.longestSend = java.time.Duration.ofMillis(connectMillis + writeMillis + SMTP_REPLIES * readMillis);
    }

    /** {@code <reference@sender's domain>}, with what RFC 5322 does not allow in an id replaced. */
    static String messageIdOf(String reference, String from) {
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "")
                : "caseqa.local";
        return "<" + reference.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain + ">";
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    @Override
    public java.time.Duration longestSend() {
        return longestSend;
    }

    @Override
    public void send(String to, String subject, String body, String html, String reference) {
        try {
            String messageId = messageIdOf(reference, from);
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(message, html != null, "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            if (html != null) {
                helper.setText(body, html);
            } else {
                helper.setText(body);
            }
            sender.send(message);
        } catch (MessagingException e) {
            throw new MailPreparationException("could not write the message to " + to, e);
        }
    }
}
