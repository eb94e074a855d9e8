package uk.caseqa.concern.adapter.in.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.caseqa.concern.application.RecordingSafetyPlans;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.messaging.pages.Due;
import uk.caseqa.messaging.pages.FormErrors;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

/**
 * The pages of a case of concern: the open ones the person sees, and one case of concern with its deadlines and
 * timeline, where its service manager (or the escalation chain) records the safety plan. The "safety plan due" email
 * links here.
 */
@PageController
class CaseOfConcernPages {

    static final int PLAN_MAX = 10_000;

    private final VisibleFollowUps visible;
    private final RecordingSafetyPlans safetyPlans;
    private final uk.caseqa.concern.application.ReviewingEarlyHelpConcerns earlyHelpReviews;
    private final Clock clock;

    CaseOfConcernPages(VisibleFollowUps visible, RecordingSafetyPlans safetyPlans,
            uk.caseqa.concern.application.ReviewingEarlyHelpConcerns earlyHelpReviews, Clock clock) {
        this.visible = visible;
        this.safetyPlans = safetyPlans;
        this.earlyHelpReviews = earlyHelpReviews;
        this.clock = clock;
    }

    /** One row of the list, and the page's summary: identifiers, deadlines, status; never case content. */
    record Shown(FollowUp followUp, Due safetyPlanDue, Due reAuditDue, String openedAt, String planRecordedAt,
            List<Step> timeline) {
    }

    record Step(String at, String what, String by) {
    }

    @GetMapping("/pages/cases-of-concern")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    String list(Caller caller, Model model) {
        model.addAttribute("cases", visible.openCasesOfConcern(caller, caller.council(), null, null).stream()
                .sorted(Comparator.comparing(FollowUp::openedAt).reversed()).map(this::shown).toList());
        return "concern/cases-of-concern";
    }

    @GetMapping("/pages/cases-of-concern/{id}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    String one(Caller caller, @PathVariable String id, Model model) {
        return page(caller, visible.find(caller, id), model, null, "");
    }

    @PostMapping("/pages/cases-of-concern/{id}/safety-plan")
    @Allowed(AccessRole.SERVICE_MANAGER)
    String recordSafetyPlan(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
            Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        FollowUp caseOfConcern = visible.find(caller, id);
        FormErrors errors = new FormErrors()
                .required("decision", decision, "Enter the management decision that keeps the child safe")
                .atMost("decision", decision, PLAN_MAX, "The plan");
        if (errors.any()) {
            response.setStatus(400);
            return page(caller, caseOfConcern, model, errors, decision);
        }
        safetyPlans.record(id, caller.staffId(), decision.strip());
        redirect.addFlashAttribute("done", "Safety plan recorded");
        return "redirect:/pages/cases-of-concern/" + id;
    }

    /** The Early Help QA panel's review (the triple lock): assured of the plan and progress, or concerns escalated. */
    @PostMapping("/pages/cases-of-concern/{id}/early-help-review")
    @Allowed(AccessRole.PANEL_MEMBER)
    String reviewEarlyHelp(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String review,
            Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        FollowUp caseOfConcern = visible.find(caller, id);
        if (!review.equals("assured") && !review.equals("concerns")) {
            response.setStatus(400);
            return page(caller, caseOfConcern, model, new FormErrors().add("review",
                    "Say whether the panel is assured or has concerns"), "");
        }
        earlyHelpReviews.review(id, caller.staffId(), review.equals("concerns"));
        redirect.addFlashAttribute("done", review.equals("concerns") ? "Concerns escalated" : "Panel assured");
        return "redirect:/pages/cases-of-concern/" + id;
    }

    private String page(Caller caller, FollowUp caseOfConcern, Model model, FormErrors errors, String decision) {
        model.addAttribute("coc", shown(caseOfConcern));
        model.addAttribute("errors", errors);
        model.addAttribute("decision", decision);
        model.addAttribute("planMax", PLAN_MAX);
        model.addAttribute("mayRecordPlan", caller.has(AccessRole.SERVICE_MANAGER)
                && caseOfConcern.kind() == FollowUp.Kind.CASE_OF_CONCERN
                && caseOfConcern.status() == FollowUp.Status.OPEN && caseOfConcern.safetyPlan() == null);
        model.addAttribute("mayReviewEarlyHelp", caller.has(AccessRole.PANEL_MEMBER)
                && caseOfConcern.earlyHelpReview() != null
                && caseOfConcern.earlyHelpReview().outcome() == FollowUp.EarlyHelpReview.Outcome.PENDING);
        return "concern/case-of-concern";
    }

    private Shown shown(FollowUp f) {
        java.time.Instant now = clock.instant();
        return new Shown(f, due(f, Deadline.Kind.SAFETY_PLAN, now), due(f, Deadline.Kind.RE_AUDIT, now),
                Due.shown(f.openedAt()), f.safetyPlan() == null ? "" : Due.shown(f.safetyPlan().recordedAt()),
                f.history().stream().map(t -> new Step(Due.shown(t.at()), t.what(), t.by())).toList());
    }

    private static Due due(FollowUp f, Deadline.Kind kind, java.time.Instant now) {
        return f.deadlines().stream().filter(d -> d.kind() == kind && d.pending())
                .min(Comparator.comparing(Deadline::dueAt)).map(d -> Due.of(d.dueAt(), now)).orElse(null);
    }
}
