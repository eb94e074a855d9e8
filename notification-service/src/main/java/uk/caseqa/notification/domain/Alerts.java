package uk.caseqa.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.SafetyPlanOverdue;

/** Writes the alerts: what happened, the reference, what is due by when, and where to act. */
public final class Alerts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private Alerts() {
    }

    /** The case's service manager is asked for the plan; the others the profile names are told. */
    public static List<Notification> caseOfConcernOpened(String eventId, String localAuthority,
            CaseOfConcernOpened event, List<String> alsoTell, String concernServiceUrl, Instant now) {
        Notification toServiceManager = caseOfConcernOpened(eventId, localAuthority, event, concernServiceUrl, now);
        String link = concernServiceUrl + "/cases-of-concern/" + event.caseOfConcernId();
        String body = """
                For your information: an audit (%s) of case %s was graded Inadequate and case of concern %s was opened.
                The service manager (%s) is to record a safety plan by %s.

                Open the case of concern: %s
                """.formatted(event.auditId(), event.caseId(), event.caseOfConcernId(), event.serviceManagerId(),
                WHEN.format(event.safetyPlanDueBy()), link);
        List<Notification> all = new ArrayList<>(List.of(toServiceManager));
        alsoTell.stream().filter(id -> !id.equals(event.serviceManagerId())).distinct()
                .map(id -> new Notification(Notification.idFor(eventId, id), eventId, localAuthority, id,
                        "For information: case of concern " + event.caseOfConcernId() + " opened", body, now))
                .forEach(all::add);
        return all;
    }

    /** No plan by its deadline: the next level of the chain is told, and the service manager reminded. */
    public static List<Notification> safetyPlanOverdue(String eventId, String localAuthority, SafetyPlanOverdue event,
            List<String> escalatedTo, String concernServiceUrl, Instant now) {
        String link = concernServiceUrl + "/cases-of-concern/" + event.caseOfConcernId();
        String subject = "Overdue: no safety plan for case of concern " + event.caseOfConcernId()
                + " (escalation level " + event.escalationLevel() + ")";
        String body = """
                No safety plan was recorded for case of concern %s (audit %s, case %s) by %s.
                It is escalated to you (level %d). Please make sure a plan that keeps the child safe is recorded now.

                Open the case of concern: %s
                """.formatted(event.caseOfConcernId(), event.auditId(), event.caseId(), WHEN.format(event.dueBy()),
                event.escalationLevel(), link);
        return recipients(event.serviceManagerId(), escalatedTo).stream()
                .map(id -> new Notification(Notification.idFor(eventId, id), eventId, localAuthority, id, subject, body,
                        now))
                .toList();
    }

    /** A re-audit showed no improvement: those the profile names are told, a further cycle has begun. */
    public static List<Notification> caseOfConcernEscalated(String eventId, String localAuthority,
            CaseOfConcernEscalated event, List<String> escalatedTo, String concernServiceUrl, Instant now) {
        String link = concernServiceUrl + "/cases-of-concern/" + event.caseOfConcernId();
        String subject = "Escalated: case of concern " + event.caseOfConcernId() + " did not improve at re-audit";
        String body = """
                The short re-audit (%s) of case %s for case of concern %s was graded %s: practice has not improved.
                The case of concern is escalated to you and a further re-audit cycle has begun.

                Open the case of concern: %s
                """.formatted(event.reAuditId(), event.caseId(), event.caseOfConcernId(),
                event.reAuditGrade().name().replace('_', ' ').toLowerCase(java.util.Locale.UK), link);
        return escalatedTo.stream().distinct()
                .map(id -> new Notification(Notification.idFor(eventId, id), eventId, localAuthority, id, subject, body,
                        now))
                .toList();
    }

    private static List<String> recipients(String first, List<String> others) {
        List<String> all = new ArrayList<>();
        all.add(first);
        others.stream().filter(id -> !all.contains(id)).forEach(all::add);
        return all;
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
