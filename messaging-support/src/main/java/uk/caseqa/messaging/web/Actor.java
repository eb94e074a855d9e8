package uk.caseqa.messaging.web;

/**
 * Who is acting: every write is attributed. The {@code X-Staff-Id} header stands in for the identity a council's
 * single sign-on gateway asserts in front of the services.
 */
public final class Actor {
    public static final String HEADER = "X-Staff-Id";

    private Actor() {
    }
}
