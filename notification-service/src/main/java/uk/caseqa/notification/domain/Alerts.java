package uk.caseqa.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.IroCommentRequested;
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

    /** The case's IRO / CP chair is told an audit is taking place and asked for comments (000 Appendix 1). */
    public static Notification iroCommentRequested(String eventId, String localAuthority, IroCommentRequested event,
            String moderationServiceUrl, Instant now) {
        String subject = "Audit " + event.auditId() + " of case " + event.caseId() + ": your comments by "
                + WHEN.format(event.dueBy());
        String body = """
                An audit (%s) of case %s, for which you are the IRO / CP chair, is taking place.
                Please add your comments by %s.

                Add your comments: %s/iro-comments/%s
                """.formatted(event.auditId(), event.caseId(), WHEN.format(event.dueBy()), moderationServiceUrl,
                event.auditId());
        return new Notification(Notification.idFor(eventId, event.iroId()), eventId, localAuthority, event.iroId(),
                subject, body, now);
    }

    /** A peer auditor is told when moderation changed their grade (004 ¶29), to learn why. */
    public static Notification gradeChangedByModeration(String eventId, String localAuthority, AuditModerated event,
            String moderationServiceUrl, Instant now) {
        String subject = "Audit " + event.auditId() + ": moderation " + event.change().name().toLowerCase(Locale.UK)
                + " your grade";
        String body = """
                Moderation of your audit %s changed its overall grade from %s to %s.
                The moderator (%s) has recorded the rationale and your learning conversation.

                See the moderation: %s/moderations/%s
                """.formatted(event.auditId(), label(event.auditorGrade()), label(event.finalGrade()),
                event.moderatorId(), moderationServiceUrl, event.auditId());
        return new Notification(Notification.idFor(eventId, event.auditorId()), eventId, localAuthority,
                event.auditorId(), subject, body, now);
    }

    /** The QA panel returned an audit to its auditor, with the panel's note. */
    public static Notification auditReturned(String eventId, String localAuthority, AuditReturned event,
            String auditServiceUrl, Instant now) {
        String subject = "Audit " + event.auditId() + " returned by the QA panel";
        String body = """
                The QA panel (%s) returned audit %s of case %s to you:

                %s

                Resubmit it here: %s/audits/%s
                """.formatted(event.panelId(), event.auditId(), event.caseId(), event.reason(), auditServiceUrl,
                event.auditId());
        return new Notification(Notification.idFor(eventId, event.auditorId()), eventId, localAuthority,
                event.auditorId(), subject, body, now);
    }

    private static String label(uk.caseqa.contracts.Grade grade) {
        return grade.name().replace('_', ' ').toLowerCase(Locale.UK);
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
