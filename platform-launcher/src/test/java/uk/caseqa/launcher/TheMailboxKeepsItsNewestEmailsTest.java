package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded run's SMTP server holds every email in memory, so it keeps its newest ones only, of all addresses
 * together (as Mailpit does): over a long run, and however many people it writes to, the mailbox no longer grows
 * without end, and the newest emails, the ones a person trying the product looks for, are all still there.
 */
class TheMailboxKeepsItsNewestEmailsTest {

    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final BoundedMailboxes mailboxes = new BoundedMailboxes(smtp, 5);
    final Instant nine = Instant.parse("2026-11-27T09:00:00Z");

    @AfterEach
    void stop() {
        mailboxes.close();
        smtp.stop();
    }

    @Test
    void twelveEmailsToAManagerThenThreeToAnAuditorLeaveTheNewestFiveWhoeverTheyWentTo() throws Exception {
        smtp.start();
        int minute = 0;
        for (int i = 1; i <= 12; i++) {
            receive("staff-sm-1@caseqa.example", "Case of concern " + i, minute++);
        }
        for (int i = 1; i <= 3; i++) {
            receive("staff-auditor-1@caseqa.example", "Audit allocated " + i, minute++);
        }

        assertThat(mailboxes.removeOlderEmails()).isEqualTo(10);

        assertThat(subjectsTo("staff-sm-1@caseqa.example")).containsExactly("Case of concern 11",
                "Case of concern 12");
        assertThat(subjectsTo("staff-auditor-1@caseqa.example")).containsExactly("Audit allocated 1",
                "Audit allocated 2", "Audit allocated 3");
        assertThat(mailboxes.delivered()).as("every email delivered, the removed ones too").isEqualTo(15);
        assertThat(mailboxes.removeOlderEmails()).as("nothing more to remove").isZero();

        receive("staff-sm-1@caseqa.example", "Case of concern 13", minute++);
        assertThat(mailboxes.removeOlderEmails()).isEqualTo(1);
        assertThat(subjectsTo("staff-sm-1@caseqa.example")).containsExactly("Case of concern 12",
                "Case of concern 13");
    }

    @Test
    void sixEmailsSentOverSmtpOneAfterAnotherLoseTheFirst() throws Exception {
        smtp.start();
        for (int i = 1; i <= 6; i++) {
            GreenMailUtil.sendTextEmail("staff-sm-1@caseqa.example", "caseqa@caseqa.example", "Case of concern " + i,
                    "A link, no names.", smtp.getSmtp().getServerSetup());
        }

        assertThat(mailboxes.removeOlderEmails()).isEqualTo(1);
        assertThat(subjectsTo("staff-sm-1@caseqa.example")).containsExactly("Case of concern 2", "Case of concern 3",
                "Case of concern 4", "Case of concern 5", "Case of concern 6");
        assertThat(mailboxes.delivered()).isEqualTo(6);
    }

    /** An email in the address's inbox, received {@code minute} minutes after nine. */
    private void receive(String to, String subject, int minute) throws Exception {
        MimeMessage email = new MimeMessage(Session.getInstance(new Properties()));
        email.setFrom(new InternetAddress("caseqa@caseqa.example"));
        email.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        email.setSubject(subject);
        email.setText("A link, no names.");
        email.saveChanges();
        MailFolder inbox = smtp.getManagers().getImapHostManager().getInbox(smtp.setUser(to, to, "demo"));
        inbox.appendMessage(email, new Flags(), Date.from(nine.plusSeconds(60L * minute)));
    }

    private String[] subjectsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessagesForDomain(address)).map(TheMailboxKeepsItsNewestEmailsTest::subject)
                .toArray(String[]::new);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
