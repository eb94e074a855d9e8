package uk.caseqa.concern.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.concern.application.RecordingSafetyPlans;
import uk.caseqa.concern.application.ReviewingEarlyHelpConcerns;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

@RestController
@Tag(name = "Cases of concern", description = "Cases of concern and follow-ups, their deadlines and history")
class FollowUpController {

    private final VisibleFollowUps visible;
    private final RecordingSafetyPlans safetyPlans;
    private final ReviewingEarlyHelpConcerns earlyHelpReviews;

    FollowUpController(VisibleFollowUps visible, RecordingSafetyPlans safetyPlans,
            ReviewingEarlyHelpConcerns earlyHelpReviews) {
        this.visible = visible;
        this.earlyHelpReviews = earlyHelpReviews;
        this.safetyPlans = safetyPlans;
    }

    /** A case of concern or follow-up as its readers see it: identifiers, deadlines and status; no case content. */
    record FollowUpView(String id, FollowUp.Kind kind, String profileId, String auditId, String localAuthority,
            String caseId, String serviceId, String teamId, String serviceManagerId, GradedBy gradedBy,
            Instant openedAt, FollowUp.Status status, int cycle, String safetyPlanRecordedBy,
            Instant safetyPlanRecordedAt, List<Deadline> deadlines, boolean caseloadAuditRequested,
            FollowUp.EarlyHelpReview earlyHelpReview) {
        static FollowUpView of(FollowUp f) {
            FollowUp.Facts facts = f.facts();
            return new FollowUpView(f.id(), f.kind(), f.profileId(), facts.auditId(), facts.localAuthority(),
                    facts.caseId(), facts.serviceId(), facts.teamId(), facts.serviceManagerId(), facts.gradedBy(),
                    f.openedAt(), f.status(), f.cycle(),
                    f.safetyPlan() == null ? null : f.safetyPlan().recordedBy(),
                    f.safetyPlan() == null ? null : f.safetyPlan().recordedAt(), f.deadlines(),
                    f.caseloadAuditRequested(), f.earlyHelpReview());
        }
    }

    record SafetyPlanRequest(@NotBlank @Size(max = 10000) String decision) {
    }

    @GetMapping("/cases-of-concern")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "Open cases of concern of the caller's council (a service manager's service, a team"
            + " manager's team), optionally of one service or team")
    List<FollowUpView> open(Caller caller, @RequestParam(required = false) String localAuthority,
            @RequestParam(required = false) String serviceId, @RequestParam(required = false) String teamId) {
        return visible.openCasesOfConcern(caller, caller.councilOr(localAuthority), serviceId, teamId).stream()
                .map(FollowUpView::of).toList();
    }

    @GetMapping({"/cases-of-concern/{id}", "/follow-ups/{id}"})
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "One case of concern (coc-<auditId>) or Requires Improvement follow-up (ri-<auditId>)")
    FollowUpView one(Caller caller, @PathVariable String id) {
        return FollowUpView.of(find(caller, id));
    }

    @GetMapping({"/cases-of-concern/{id}/history", "/follow-ups/{id}/history"})
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "Everything that happened to it, when and by whom")
    List<FollowUp.Transition> history(Caller caller, @PathVariable String id) {
        return find(caller, id).history();
    }

    @PostMapping("/cases-of-concern/{id}/safety-plan")
    @Allowed(AccessRole.SERVICE_MANAGER)
    @Operation(summary = "Record the plan that keeps the child safe (the service manager, or the escalation chain)")
    FollowUpView recordSafetyPlan(Caller caller, @PathVariable String id,
            @Valid @RequestBody SafetyPlanRequest request) {
        find(caller, id);
        return FollowUpView.of(safetyPlans.record(id, caller.staffId(), request.decision()));
    }

    /** {@code concerns}: the panel is not assured of the plan or the progress; the reasons stay with the panel. */
    record EarlyHelpReviewRequest(boolean concerns) {
    }

    @PostMapping("/cases-of-concern/{id}/early-help-review")
    @Allowed(AccessRole.PANEL_MEMBER)
    @Operation(summary = "The Early Help QA panel's review of an Inadequate Early Help audit (triple lock): assured, or concerns escalated")
    FollowUpView reviewEarlyHelp(Caller caller, @PathVariable String id,
            @Valid @RequestBody EarlyHelpReviewRequest request) {
        find(caller, id);
        return FollowUpView.of(earlyHelpReviews.review(id, caller.staffId(), request.concerns()));
    }

    private FollowUp find(Caller caller, String id) {
        return visible.find(caller, id);
    }
}
