package uk.caseqa.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

/**
 * The embedded SMTP server's mailbox, for the demo (http://localhost:8025/): a list of the messages received, and
 * each message as its recipient's mail client would show it (its HTML part; the text part where there is no HTML,
 * and at {@code /messages/N.txt}).
 */
final class MailboxPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/London"));
    private final HttpServer server;
    private final GreenMail mail;

    MailboxPage(GreenMail mail, int port) throws IOException {
        this.mail = mail;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        MimeMessage[] messages = mail.getReceivedMessages();
        try {
            if (path.equals("/")) {
                respond(exchange, 200, "text/html", index(messages));
            } else if (path.matches("/messages/\\d+(\\.txt)?")) {
                int n = Integer.parseInt(path.replaceAll("\\D", ""));
                if (n < 1 || n > messages.length) {
                    respond(exchange, 404, "text/plain", "No message " + n + " (there are " + messages.length + ").");
                } else if (path.endsWith(".txt")) {
                    respond(exchange, 200, "text/plain", part(messages[n - 1], "text/plain").orElse(""));
                } else {
                    Optional<String> html = part(messages[n - 1], "text/html");
                    String shown = html.isPresent() ? html.get()
                            : "<pre>" + escape(part(messages[n - 1], "text/plain").orElse("")) + "</pre>";
                    respond(exchange, 200, "text/html", shown);
                }
            } else {
                respond(exchange, 404, "text/plain", "Not found.");
            }
        } catch (Exception e) {
            respond(exchange, 500, "text/plain", "Unreadable message: " + e);
        }
    }

    static String index(MimeMessage[] messages) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage m = messages[i];
            rows.append("<tr><td>").append(m.getSentDate() == null ? "" : WHEN.format(m.getSentDate().toInstant()))
                    .append("</td><td>").append(escape(Arrays.toString(m.getRecipients(Message.RecipientType.TO))))
                    .append("</td><td><a href=\"/messages/").append(i + 1).append("\">").append(escape(m.getSubject()))
                    .append("</a> (<a href=\"/messages/").append(i + 1).append(".txt\">text</a>)</td></tr>\n");
        }
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mailbox</title>
                <style>body{font-family:Arial,sans-serif;margin:24px;color:#0b0c0c}table{border-collapse:collapse}
                td,th{border-bottom:1px solid #b1b4b6;padding:8px;text-align:left}</style></head>
                <body><h1>Mailbox of the embedded run</h1><p>%d message(s), newest first.</p>
                <table><thead><tr><th>Sent</th><th>To</th><th>Subject</th></tr></thead><tbody>
                %s</tbody></table></body></html>
                """.formatted(messages.length, rows);
    }

    static Optional<String> part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return Optional.of(part.getContent().toString());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> found = part(body, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
