package uk.caseqa.audit.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.audit.domain.Draft;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.web.InvalidFieldsException;

/**
 * Use cases: the auditor saves drafts and submits the completed audit (publishes {@code AuditCompleted}); the
 * council's programme may refuse an audit without family feedback.
 */
@Service
public class CompletingAudits {

    private final Audits audits;
    private final AuditProgrammes programmes;
    private final AuditTemplates templates;
    private final EventFactory events;
    private final Clock clock;

    public CompletingAudits(Audits audits, AuditProgrammes programmes, AuditTemplates templates, EventFactory events,
            Clock clock) {
        this.templates = templates;
        this.audits = audits;
        this.programmes = programmes;
        this.events = events;
        this.clock = clock;
    }

    public Audit submit(String auditId, String by, Audit.Submission submission) {
        Audit audit = find(auditId);
        java.time.LocalDate today = clock.instant().atZone(AuditProgramme.ENGLAND).toLocalDate();
        AuditProgramme programme = audit.auditType() == AuditType.EARLY_HELP
                ? programmes.inForce(audit.localAuthority(), AuditType.EARLY_HELP, today)
                : programmes.inForce(audit.localAuthority(), today);
        Map<String, String> errors = new java.util.TreeMap<>(templates.byReference(audit.templateReference())
                .check(submission.domainGrades(), submission.overallGrade()));
        boolean ofTheProgramme = audit.auditType() == programme.auditType();
        if (programme.requireFamilyFeedback() && ofTheProgramme && !submission.familyFeedback().obtained()) {
            errors.put("familyFeedback.respondentType", "family feedback is required: " + programme.id()
                    + " does not accept an audit without it (" + programme.source() + ")");
        }
        programme.requiredFeedback().stream().filter(source -> ofTheProgramme && !submission.hasFeedbackFrom(source))
                .forEach(source -> errors.put("otherFeedback." + source, programme.id() + " records feedback from the "
                        + source.name().toLowerCase(java.util.Locale.UK).replace('_', ' ')
                        + " in every audit: give it, or the reason it was not obtained"));
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        audit.submit(by, submission, clock.instant());
        audits.save(audit, AuditEvents.of(events, audit));
        return audit;
    }

    /** The auditor saves the audit in progress. */
    public Audit saveDraft(String auditId, String by, Draft draft) {
        Audit audit = find(auditId);
        audit.saveDraft(by, draft);
        audits.save(audit, List.of());
        return audit;
    }

    /** The case's team manager records the reflection on the closed audit in supervision. */
    public Audit reflectedInSupervision(String auditId, String by, java.time.LocalDate on, String note) {
        Audit audit = find(auditId);
        audit.reflectedInSupervision(by, on, note, clock.instant());
        audits.save(audit, List.of());
        return audit;
    }

    private Audit find(String auditId) {
        return audits.find(auditId).orElseThrow(() -> new NoSuchElementException("no audit " + auditId));
    }
}
