package uk.caseqa.notification.domain;

import java.util.List;

/**
 * Who is told of one event type in one council ({@code *}: every council without its own route): those who must
 * act ({@code act}), those told for information ({@code inform}), how urgent it is, an optional boolean field of the
 * event that must be true ({@code onlyIf}, e.g. {@code tellAuditor}), and the seed rule it follows.
 */
public record Route(String council, String event, List<Party> act, List<Party> inform, Urgency urgency,
        String onlyIf, String source, Reminder reminder) {

    /**
     * Those who must act are reminded {@code before} the event's {@code due} time, unless an event of type
     * {@code until} with the same {@code key} (the work done) arrives first.
     */
    public record Reminder(java.time.Duration before, String due, String until, String key) {
        public Reminder {
            if (before == null || before.isNegative() || before.isZero() || due == null || until == null
                    || key == null) {
                throw new IllegalArgumentException("a reminder needs before (a positive duration), due, until and key");
            }
        }
    }

    public static final String ANY_COUNCIL = "*";

    /** URGENT: sent at once; ROUTINE: may wait for the recipient's digest. */
    public enum Urgency { URGENT, ROUTINE }

    public Route {
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("a notification route needs its event type");
        }
        council = council == null || council.isBlank() ? ANY_COUNCIL : council;
        act = act == null ? List.of() : List.copyOf(act);
        inform = inform == null ? List.of() : List.copyOf(inform);
        if (act.isEmpty() && inform.isEmpty()) {
            throw new IllegalArgumentException("route for " + event + " in " + council + " tells nobody");
        }
        if (urgency == null) {
            throw new IllegalArgumentException("route for " + event + " in " + council + ": say URGENT or ROUTINE");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("route for " + event + " in " + council
                    + ": cite the seed rule, or say 'not stated by the seed' and why");
        }
    }
}
