package uk.caseqa.audit.adapter.in.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.messaging.pages.Due;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

/**
 * My work, as audit-service holds it: the audits allocated to me still to submit, and the actions I own still open,
 * soonest due first, with what is overdue marked. Moderations, IRO comments and panels are on moderation-service's
 * page, safety plans on concern-service's: the page links to them.
 */
@PageController
class MyAuditsPage {

    private final Audits audits;
    private final Clock clock;

    MyAuditsPage(Audits audits, Clock clock) {
        this.audits = audits;
        this.clock = clock;
    }

    record AuditToDo(String auditId, String caseId, String type, boolean returned, Due due) {
    }

    record ActionToDo(String auditId, String actionId, String what, Due due, boolean immediate) {
    }

    @GetMapping("/pages/my-audits")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    String myAudits(Caller caller, Model model) {
        Instant now = clock.instant();
        List<Audit> work = audits.workOf(caller.council(), caller.staffId());
        model.addAttribute("audits", work.stream().filter(a -> caller.staffId().equals(a.auditorId()))
                .filter(a -> a.status() == uk.caseqa.audit.domain.AuditStatus.ALLOCATED
                        || a.status() == uk.caseqa.audit.domain.AuditStatus.RETURNED)
                .map(a -> new AuditToDo(a.auditId(), a.auditedCase().caseId(), a.auditType().name(),
                        a.status() == uk.caseqa.audit.domain.AuditStatus.RETURNED,
                        a.completionDueBy() == null ? null : Due.of(a.completionDueBy(), now)))
                .sorted(Comparator.comparing((AuditToDo a) -> a.due() == null ? Instant.MAX : a.due().at()))
                .toList());
        model.addAttribute("actions", work.stream().flatMap(a -> a.actions().stream()
                        .filter(x -> caller.staffId().equals(x.ownerId()) && x.status() == AuditAction.Status.OPEN)
                        .map(x -> new ActionToDo(a.auditId(), x.actionId(), x.what(), Due.of(
                                x.dueOn().plusDays(1).atStartOfDay(AuditProgramme.ENGLAND).toInstant(), now),
                                x.immediate())))
                .sorted(Comparator.comparing((ActionToDo x) -> x.due().at())).toList());
        return "audit/my-audits";
    }
}
