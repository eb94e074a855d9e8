package uk.caseqa.contracts;

/** An inbound event that can never be processed: malformed JSON, a missing field, an unknown type. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
