package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import uk.caseqa.notification.adapter.out.mail.MustacheMessages;
import uk.caseqa.notification.domain.Message;
import uk.caseqa.testsupport.HeadlessChromium;

/**
 * The embedded run's mailbox, opened in a real headless Chromium: the service manager's case-of-concern email,
 * written from its template, is listed and shows as its reader's mail client would show it, with the link as a
 * button. A screenshot is kept in target/screenshots.
 */
class TheMailboxShowsAnEmailAsItsReaderWouldTest {

    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    MailboxPage mailbox;
    ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
        smtp.stop();
    }

    @Test
    void theServiceManagersEmailIsListedAndOpensAsHtmlWithItsLinkAsAButton() throws Exception {
        browser = HeadlessChromium.start();
        smtp.start();
        mailbox = new MailboxPage(smtp, 0);
        mailbox.start();
        Map<String, Object> model = new LinkedHashMap<>();
        model.putAll(Map.of("caseOfConcernId", "coc-audit-1", "auditId", "audit-1", "caseId", "case-4711",
                "safetyPlanDueBy", "Thursday 26 November 2026 at 10:00", "reAuditDueBy",
                "Thursday 7 January 2027 at 10:00", "serviceManagerId", "staff-sm-1", "recipient", "Sam Okafor",
                "acting", true, "council", "swindon"));
        model.put("links", Map.of("concern", "http://localhost:8083"));
        Message message = new MustacheMessages().render("case-of-concern-opened", "swindon", model);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        MimeMessage email = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(email, true, "UTF-8");
        helper.setFrom("quality-assurance@council.example");
        helper.setTo("sam.okafor@council.example");
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        sender.send(email);

        browser.get("http://127.0.0.1:" + mailbox.port() + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mailbox of the embedded run");
        browser.findElement(By.partialLinkText("Case of concern coc-audit-1")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Case of concern coc-audit-1: safety plan due by Thursday 26 November 2026 at 10:00");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Dear Sam Okafor")
                .contains("As service manager, please record a plan that keeps the child safe");
        var button = browser.findElement(By.linkText("Open it"));
        assertThat(button.getAttribute("href")).isEqualTo("http://localhost:8083/pages/cases-of-concern/coc-audit-1");
        assertThat(button.getCssValue("background-color")).isEqualTo("rgba(0, 112, 60, 1)");
        byte[] screenshot = browser.getScreenshotAs(OutputType.BYTES);
        Path saved = Path.of("target", "screenshots", "mailbox-case-of-concern-email.png");
        Files.createDirectories(saved.getParent());
        Files.write(saved, screenshot);
        assertThat(List.of(screenshot[1], screenshot[2], screenshot[3])).containsExactly((byte) 'P', (byte) 'N',
                (byte) 'G');
        assertThat(screenshot.length).isGreaterThan(10_000);
    }
}
