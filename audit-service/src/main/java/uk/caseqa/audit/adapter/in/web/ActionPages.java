package uk.caseqa.audit.adapter.in.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.application.TrackingActions;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.messaging.pages.Due;
import uk.caseqa.messaging.pages.FormErrors;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

/**
 * One action agreed in an audit: what, whose, when it is due; its owner (or the auditor, or the QA team) closes the
 * loop here, done with the evidence or not done with the reason. The "action overdue" email and My work link here.
 */
@PageController
class ActionPages {

    static final int TEXT_MAX = 5_000;

    private final Audits audits;
    private final TrackingActions actions;
    private final Clock clock;

    ActionPages(Audits audits, TrackingActions actions, Clock clock) {
        this.audits = audits;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/pages/audits/{auditId}/actions/{actionId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    String action(Caller caller, @PathVariable String auditId, @PathVariable String actionId, Model model) {
        Audit audit = AuditController.ofCaller(audits, caller, auditId);
        return page(caller, audit, action(audit, actionId), model, null, "", "");
    }

    @PostMapping("/pages/audits/{auditId}/actions/{actionId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    String close(Caller caller, @PathVariable String auditId, @PathVariable String actionId,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Audit audit = AuditController.ofCaller(audits, caller, auditId);
        AuditAction action = action(audit, actionId);
        FormErrors errors = new FormErrors();
        if (!outcome.equals("done") && !outcome.equals("not-done")) {
            errors.add("outcome", "Say whether the action was done");
        }
        errors.required("note", note, outcome.equals("not-done") ? "Say why the action was not done"
                : "Give the evidence that the action was done").atMost("note", note, TEXT_MAX, "The evidence");
        if (errors.any()) {
            response.setStatus(400);
            return page(caller, audit, action, model, errors, outcome, note);
        }
        if (outcome.equals("done")) {
            actions.complete(auditId, actionId, caller.staffId(), note.strip());
            redirect.addFlashAttribute("done", "Action recorded as done");
        } else {
            actions.notDone(auditId, actionId, caller.staffId(), note.strip());
            redirect.addFlashAttribute("done", "Action recorded as not done");
        }
        return "redirect:/pages/audits/" + auditId + "/actions/" + actionId;
    }

    private static AuditAction action(Audit audit, String actionId) {
        return audit.actions().stream().filter(a -> a.actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no action " + actionId));
    }

    private String page(Caller caller, Audit audit, AuditAction action, Model model, FormErrors errors,
            String outcome, String note) {
        model.addAttribute("audit", audit);
        model.addAttribute("action", action);
        model.addAttribute("due", Due.of(action.dueAt(), clock.instant()));
        model.addAttribute("closedAt", Due.shown(action.closedAt()));
        model.addAttribute("mayClose", action.status() == AuditAction.Status.OPEN
                && (caller.staffId().equals(action.ownerId()) || caller.staffId().equals(audit.auditorId())
                || caller.has(AccessRole.QA_TEAM)));
        model.addAttribute("errors", errors);
        model.addAttribute("outcome", outcome);
        model.addAttribute("note", note);
        return "audit/action";
    }
}
