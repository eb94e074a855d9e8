package uk.caseqa.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.caseqa.contracts.CaseOfConcernOpened;

/** Writes the alerts: what happened, the reference, what is due by when, and where to act. */
public final class Alerts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private Alerts() {
    }

    public static Notification caseOfConcernOpened(String eventId, String localAuthority, CaseOfConcernOpened event,
            String concernServiceUrl, Instant now) {
        String link = concernServiceUrl + "/cases-of-concern/" + event.caseOfConcernId();
        String subject = "Case of concern " + event.caseOfConcernId() + ": safety plan due by "
                + WHEN.format(event.safetyPlanDueBy());
        String body = """
                An audit (%s) of case %s was graded Inadequate and a case of concern has been opened.

                As service manager, please record a plan that keeps the child safe by %s.
                A short re-audit is due by %s.

                Open the case of concern: %s

                This message carries references only. Case details are in the case-management system.
                """.formatted(event.auditId(), event.caseId(), WHEN.format(event.safetyPlanDueBy()),
                WHEN.format(event.reAuditDueBy()), link);
        return new Notification(Notification.idFor(eventId, event.serviceManagerId()), eventId, localAuthority,
                event.serviceManagerId(), subject, body, now);
    }
}
