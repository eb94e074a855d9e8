package uk.caseqa.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A plain-text view of the embedded SMTP server's mailbox, for the demo: http://localhost:8025/ */
final class MailboxPage {

    private final HttpServer server;

    MailboxPage(GreenMail mail, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] page = render(mail).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    static String render(GreenMail mail) {
        MimeMessage[] messages = mail.getReceivedMessages();
        if (messages.length == 0) {
            return "The mailbox is empty.\n";
        }
        return Arrays.stream(messages).map(MailboxPage::render)
                .collect(Collectors.joining("\n----------------------------------------\n",
                        messages.length + " message(s)\n\n", ""));
    }

    private static String render(MimeMessage message) {
        try {
            return "To: " + Arrays.toString(message.getRecipients(Message.RecipientType.TO)) + "\nFrom: "
                    + Arrays.toString(message.getFrom()) + "\nSubject: " + message.getSubject() + "\n\n"
                    + message.getContent();
        } catch (Exception e) {
            return "(unreadable message: " + e + ")";
        }
    }
}
