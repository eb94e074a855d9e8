package uk.caseqa.testsupport;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.Optional;

/** Reads a received email as a person's mail client would: its plain-text part and its HTML part. */
public final class Mail {

    private Mail() {
    }

    public static String text(Part message) {
        return part(message, "text/plain").orElseThrow(() -> new AssertionError("the message has no text/plain part"));
    }

    public static String html(Part message) {
        return part(message, "text/html").orElseThrow(() -> new AssertionError("the message has no text/html part"));
    }

    public static Optional<String> part(Part part, String type) {
        try {
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
        } catch (Exception e) {
            throw new IllegalStateException("unreadable message: " + e, e);
        }
    }
}
