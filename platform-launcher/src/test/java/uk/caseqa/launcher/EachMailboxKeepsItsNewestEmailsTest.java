package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded run's SMTP server holds every email in memory, so each address keeps its newest ones only: over a long
 * run the mailbox no longer grows without end, and the newest emails, the ones a person trying the product looks for,
 * are all still there.
 */
class EachMailboxKeepsItsNewestEmailsTest {

    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final BoundedMailboxes mailboxes = new BoundedMailboxes(smtp, 5);

    @AfterEach
    void stop() {
        mailboxes.close();
        smtp.stop();
    }

    @Test
    void aManagerSentTwelveEmailsKeepsTheNewestFiveAndAnAuditorSentThreeKeepsAll() throws Exception {
        smtp.start();
        for (int i = 1; i <= 12; i++) {
            send("staff-sm-1@caseqa.example", "Case of concern " + i);
        }
        for (int i = 1; i <= 3; i++) {
            send("staff-auditor-1@caseqa.example", "Audit allocated " + i);
        }

        assertThat(mailboxes.removeOlderEmails()).isEqualTo(7);

        assertThat(subjectsTo("staff-sm-1@caseqa.example")).containsExactly("Case of concern 8", "Case of concern 9",
                "Case of concern 10", "Case of concern 11", "Case of concern 12");
        assertThat(subjectsTo("staff-auditor-1@caseqa.example")).containsExactly("Audit allocated 1",
                "Audit allocated 2", "Audit allocated 3");
        assertThat(mailboxes.delivered()).as("every email delivered, the removed ones too").isEqualTo(15);
        assertThat(mailboxes.removeOlderEmails()).as("nothing more to remove").isZero();

        send("staff-sm-1@caseqa.example", "Case of concern 13");
        assertThat(mailboxes.removeOlderEmails()).isEqualTo(1);
        assertThat(subjectsTo("staff-sm-1@caseqa.example")).startsWith("Case of concern 9").endsWith(
                "Case of concern 13").hasSize(5);
    }

    private void send(String to, String subject) {
        GreenMailUtil.sendTextEmail(to, "caseqa@caseqa.example", subject, "A link, no names.",
                smtp.getSmtp().getServerSetup());
    }

    private String[] subjectsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessagesForDomain(address)).map(EachMailboxKeepsItsNewestEmailsTest::subject)
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
