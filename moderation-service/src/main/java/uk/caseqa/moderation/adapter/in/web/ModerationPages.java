package uk.caseqa.moderation.adapter.in.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.caseqa.contracts.Grade;
import uk.caseqa.moderation.application.ModeratingAudits;
import uk.caseqa.moderation.application.Moderations;
import uk.caseqa.moderation.application.RequestingIroComments;
import uk.caseqa.moderation.application.RunningPanels;
import uk.caseqa.moderation.domain.Deadline;
import uk.caseqa.moderation.domain.Decision;
import uk.caseqa.moderation.domain.IroCommentRequest;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationStatus;
import uk.caseqa.moderation.domain.Panel;
import uk.caseqa.messaging.pages.Due;
import uk.caseqa.messaging.pages.FormErrors;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

/**
 * The pages of moderation-service: the moderator's decision beside what moderation knows of the audit (the audit
 * itself a link away), the QA panel's queue with accept or return, the close after the panel, the IRO / CP chair's
 * comments within their window, and the person's work here. The emails about moderations, panels and IRO comments
 * link to these pages.
 */
@PageController
class ModerationPages {

    static final int TEXT_MAX = 10_000;
    static final int RETURN_MAX = 500;
    static final AccessRole[] CASEWORK = {AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO,
        AccessRole.PANEL_MEMBER, AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER};

    private final ModeratingAudits moderating;
    private final Moderations moderations;
    private final RunningPanels panels;
    private final RequestingIroComments iroComments;
    private final Clock clock;

    ModerationPages(ModeratingAudits moderating, Moderations moderations, RunningPanels panels,
            RequestingIroComments iroComments, Clock clock) {
        this.moderating = moderating;
        this.moderations = moderations;
        this.panels = panels;
        this.iroComments = iroComments;
        this.clock = clock;
    }

    record Row(String auditId, String caseId, String grade, Due due) {
    }

    record PanelRow(Panel panel, String date, int waiting) {
    }

    @GetMapping("/pages/my-moderation")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    String myWork(Caller caller, Model model) {
        Instant now = clock.instant();
        model.addAttribute("moderations", moderations.awaitingDecisionBy(caller.council(), caller.staffId()).stream()
                .map(m -> new Row(m.auditId(), m.audit().caseId(), String.valueOf(m.audit().auditorGrade()),
                        due(m, Deadline.Kind.MODERATION, now)))
                .sorted(Comparator.comparing((Row r) -> r.due() == null ? Instant.MAX : r.due().at())).toList());
        model.addAttribute("comments", iroComments.awaitingCommentBy(caller.council(), caller.staffId()).stream()
                .map(r -> new Row(r.auditId(), r.caseId(), "", Due.of(r.deadline().dueAt(), now))).toList());
        LocalDate today = now.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
        model.addAttribute("panels", panels.panelsOf(caller.council(), caller.staffId(), today).stream()
                .map(p -> new PanelRow(p, Due.shown(p.date().atStartOfDay(java.time.ZoneId.of("Europe/London"))
                        .toInstant()).replace(" at 12:00am", ""), panels.queue(p.panelId()).size())).toList());
        return "moderation/my-moderation";
    }

    @GetMapping("/pages/moderations/{auditId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    String moderation(Caller caller, @PathVariable String auditId, @RequestParam(required = false) String panel,
            Model model) {
        return page(caller, ModerationController.ofCaller(moderating, caller, auditId), panel, model, null, null);
    }

    /** What was entered on the decision form, to show again with its errors. */
    record DecisionEntered(String outcome, String rationale, String learningConversation) {
    }

    @PostMapping("/pages/moderations/{auditId}/decision")
    @Allowed(AccessRole.MODERATOR)
    String decide(Caller caller, @PathVariable String auditId, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String rationale,
            @RequestParam(defaultValue = "") String learningConversation, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Moderation moderation = ModerationController.ofCaller(moderating, caller, auditId);
        Grade auditorGrade = moderation.audit().auditorGrade();
        FormErrors errors = new FormErrors();
        Grade finalGrade = null;
        if (outcome.isBlank()) {
            errors.add("outcome", "Agree with the auditor's grade or choose the grade it should be");
        } else if (outcome.equals("AGREE")) {
            finalGrade = auditorGrade;
        } else if (Arrays.stream(Grade.values()).anyMatch(g -> g.name().equals(outcome))) {
            finalGrade = Grade.valueOf(outcome);
        } else {
            errors.add("outcome", "Choose one of the answers shown");
        }
        errors.required("rationale", rationale, "Give the rationale for your decision")
                .atMost("rationale", rationale, TEXT_MAX, "The rationale");
        if (finalGrade != null && finalGrade != auditorGrade) {
            errors.required("learningConversation", learningConversation,
                    "The grade changed: record the learning conversation with the auditor");
        }
        errors.atMost("learningConversation", learningConversation, TEXT_MAX, "The learning conversation");
        if (errors.any()) {
            response.setStatus(400);
            return page(caller, moderation, null, model, errors,
                    new DecisionEntered(outcome, rationale, learningConversation));
        }
        moderating.decide(auditId, caller.staffId(), new Decision(finalGrade, rationale.strip(),
                learningConversation.isBlank() ? null : learningConversation.strip()));
        redirect.addFlashAttribute("done", "Moderation recorded");
        return "redirect:/pages/moderations/" + auditId;
    }

    @PostMapping("/pages/moderations/{auditId}/panel")
    @Allowed(AccessRole.PANEL_MEMBER)
    String panelOutcome(Caller caller, @PathVariable String auditId, @RequestParam(defaultValue = "") String panel,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Moderation moderation = ModerationController.ofCaller(moderating, caller, auditId);
        FormErrors errors = new FormErrors();
        if (panel.isBlank()) {
            errors.add("outcome", "Open the audit from its panel's page");
        } else {
            caller.mustSee(panels.panel(panel).localAuthority(), "panel " + panel);
        }
        if (!outcome.equals("accept") && !outcome.equals("return")) {
            errors.add("outcome", "Accept the audit or return it to the auditor");
        }
        errors.required("note", note, outcome.equals("return") ? "Give the reason for returning it"
                : "Give the panel's findings");
        errors.atMost("note", note, outcome.equals("return") ? RETURN_MAX : TEXT_MAX,
                outcome.equals("return") ? "The reason" : "The findings");
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("panelEntered", new DecisionEntered(outcome, note, ""));
            return page(caller, moderation, panel.isBlank() ? null : panel, model, errors, null);
        }
        if (outcome.equals("accept")) {
            panels.accept(panel, auditId, caller.staffId(), note.strip());
            redirect.addFlashAttribute("done", "Accepted by the panel");
        } else {
            panels.returnToAuditor(panel, auditId, caller.staffId(), note.strip());
            redirect.addFlashAttribute("done", "Returned to the auditor");
        }
        return "redirect:/pages/panels/" + panel;
    }

    @PostMapping("/pages/moderations/{auditId}/close")
    @Allowed(AccessRole.QA_TEAM)
    String close(Caller caller, @PathVariable String auditId, RedirectAttributes redirect) {
        ModerationController.ofCaller(moderating, caller, auditId);
        panels.close(auditId, caller.staffId());
        redirect.addFlashAttribute("done", "Audit closed");
        return "redirect:/pages/moderations/" + auditId;
    }

    @GetMapping("/pages/panels/{panelId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.PANEL_MEMBER})
    String panel(Caller caller, @PathVariable String panelId, Model model) {
        Panel panel = panels.panel(panelId);
        caller.mustSee(panel.localAuthority(), "panel " + panelId);
        model.addAttribute("panel", panel);
        model.addAttribute("queue", panels.queue(panelId).stream()
                .map(m -> new Row(m.auditId(), m.audit().caseId(), m.decision() == null ? ""
                        : String.valueOf(m.decision().finalGrade()), null)).toList());
        return "moderation/panel";
    }

    @GetMapping("/pages/iro-comments/{auditId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    String iroComment(Caller caller, @PathVariable String auditId, Model model) {
        return iroPage(caller, iroRequest(caller, auditId), model, null, "");
    }

    @PostMapping("/pages/iro-comments/{auditId}")
    @Allowed(AccessRole.IRO)
    String comment(Caller caller, @PathVariable String auditId, @RequestParam(defaultValue = "") String comment,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IroCommentRequest request = iroRequest(caller, auditId);
        FormErrors errors = new FormErrors().required("comment", comment, "Enter your comments on the audit")
                .atMost("comment", comment, TEXT_MAX, "Your comments");
        if (errors.any()) {
            response.setStatus(400);
            return iroPage(caller, request, model, errors, comment);
        }
        iroComments.record(auditId, caller.staffId(), comment.strip());
        redirect.addFlashAttribute("done", "Comments recorded");
        return "redirect:/pages/iro-comments/" + auditId;
    }

    private IroCommentRequest iroRequest(Caller caller, String auditId) {
        IroCommentRequest request = iroComments.find(auditId);
        caller.mustSee(request.localAuthority(), "IRO comment request for audit " + auditId);
        return request;
    }

    private String iroPage(Caller caller, IroCommentRequest request, Model model, FormErrors errors, String comment) {
        model.addAttribute("request", request);
        model.addAttribute("due", Due.of(request.deadline().dueAt(), clock.instant()));
        model.addAttribute("requestedAt", Due.shown(request.requestedAt()));
        model.addAttribute("recordedAt", Due.shown(request.recordedAt()));
        model.addAttribute("mayComment", request.comment() == null && caller.has(AccessRole.IRO)
                && caller.staffId().equals(request.iroId()));
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        return "moderation/iro-comment";
    }

    private String page(Caller caller, Moderation moderation, String panelId, Model model, FormErrors errors,
            DecisionEntered entered) {
        Instant now = clock.instant();
        model.addAttribute("m", moderation);
        model.addAttribute("due", due(moderation, Deadline.Kind.MODERATION, now));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered == null ? new DecisionEntered("", "", "") : entered);
        if (!model.containsAttribute("panelEntered")) {
            model.addAttribute("panelEntered", new DecisionEntered("", "", ""));
        }
        model.addAttribute("otherGrades", Arrays.stream(Grade.values())
                .filter(g -> g != moderation.audit().auditorGrade()).toList());
        model.addAttribute("mayDecide", moderation.status() == ModerationStatus.AWAITING_DECISION
                && caller.has(AccessRole.MODERATOR) && caller.staffId().equals(moderation.moderatorId()));
        model.addAttribute("panelId", panelId);
        model.addAttribute("mayJudgeAsPanel", panelId != null && caller.has(AccessRole.PANEL_MEMBER)
                && moderation.status() == ModerationStatus.AWAITING_PANEL);
        model.addAttribute("mayClose", caller.has(AccessRole.QA_TEAM)
                && moderation.status() == ModerationStatus.ACCEPTED);
        model.addAttribute("moderatedAt", Due.shown(moderation.moderatedAt()));
        model.addAttribute("history", moderation.history().stream()
                .map(t -> Due.shown(t.at()) + ": " + t.what() + " (" + t.by() + ")").toList());
        return "moderation/moderation";
    }

    private static Due due(Moderation moderation, Deadline.Kind kind, Instant now) {
        List<Deadline> pending = moderation.deadlines().stream().filter(d -> d.kind() == kind && d.pending()).toList();
        return pending.stream().min(Comparator.comparing(Deadline::dueAt)).map(d -> Due.of(d.dueAt(), now))
                .orElse(null);
    }
}
