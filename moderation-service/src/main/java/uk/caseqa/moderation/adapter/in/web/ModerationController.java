package uk.caseqa.moderation.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.contracts.Grade;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.moderation.application.ModeratingAudits;
import uk.caseqa.moderation.application.Moderations;
import uk.caseqa.moderation.application.RunningPanels;
import uk.caseqa.moderation.domain.Deadline;
import uk.caseqa.moderation.domain.Decision;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationStatus;
import uk.caseqa.moderation.domain.Transition;

@RestController
@RequestMapping("/moderations")
@Tag(name = "Moderation", description = "Moderators agree or change audit grades")
class ModerationController {

    private final ModeratingAudits moderating;
    private final Moderations moderations;
    private final RunningPanels panels;

    ModerationController(ModeratingAudits moderating, Moderations moderations, RunningPanels panels) {
        this.moderating = moderating;
        this.moderations = moderations;
        this.panels = panels;
    }

    /** {@code finalGrade} absent means the moderator agrees with the auditor's grade. */
    record DecisionRequest(Grade finalGrade, @NotBlank @Size(max = 10000) String rationale,
            @Size(max = 10000) String learningConversation) {
    }

    record AssignmentRequest(@NotBlank String moderatorId) {
    }

    record ModerationView(String auditId, String localAuthority, String profileId, String caseId, String auditorId,
            Grade auditorGrade, ModerationStatus status, String selectionReason, String moderatorId,
            String assignmentReason, Grade finalGrade, Instant moderatedAt, String panelId, List<Deadline> deadlines,
            String closedBy, Instant closedAt) {
        static ModerationView of(Moderation m) {
            return new ModerationView(m.auditId(), m.audit().localAuthority(), m.profileId(), m.audit().caseId(),
                    m.audit().auditorId(), m.audit().auditorGrade(), m.status(), m.selectionReason(), m.moderatorId(),
                    m.assignmentReason(), m.decision() == null ? null : m.decision().finalGrade(), m.moderatedAt(),
                    m.panelOutcome() == null ? null : m.panelOutcome().panelId(), m.deadlines(), m.closedBy(),
                    m.closedAt());
        }
    }

    /** The moderation, if it is of the caller's council: another council's is not found. */
    static Moderation ofCaller(ModeratingAudits moderating, Caller caller, String auditId) {
        Moderation moderation = moderating.find(auditId);
        caller.mustSee(moderation.audit().localAuthority(), "moderation of audit " + auditId);
        return moderation;
    }

    @GetMapping("/{auditId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "The moderation of an audit")
    ModerationView moderation(Caller caller, @PathVariable String auditId) {
        return ModerationView.of(ofCaller(moderating, caller, auditId));
    }

    @GetMapping
    @Allowed({AccessRole.MODERATOR, AccessRole.QA_TEAM})
    @Operation(summary = "Moderations awaiting a moderator's decision, in the caller's council")
    List<ModerationView> awaiting(Caller caller, @RequestParam(required = false) String localAuthority,
            @RequestParam(required = false) String moderatorId) {
        String whose = moderatorId == null ? caller.staffId() : moderatorId;
        if (!whose.equals(caller.staffId()) && !caller.has(AccessRole.QA_TEAM)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "your own moderations, unless you are in the QA team");
        }
        return moderations.awaitingDecisionBy(caller.councilOr(localAuthority), whose).stream().map(ModerationView::of).toList();
    }

    @PostMapping("/{auditId}/moderator")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Assign or reassign the moderator (QA team); never the auditor")
    ModerationView assign(Caller caller, @PathVariable String auditId,
            @Valid @RequestBody AssignmentRequest request) {
        ofCaller(moderating, caller, auditId);
        return ModerationView.of(moderating.assign(auditId, request.moderatorId(), caller.staffId()));
    }

    @GetMapping("/{auditId}/history")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "Everything that happened to the audit here, when and by whom")
    List<Transition> history(Caller caller, @PathVariable String auditId) {
        return ofCaller(moderating, caller, auditId).history();
    }

    @PostMapping("/{auditId}/close")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Close an audit the panel accepted (QA manager or lead)")
    ModerationView close(Caller caller, @PathVariable String auditId) {
        ofCaller(moderating, caller, auditId);
        return ModerationView.of(panels.close(auditId, caller.staffId()));
    }

    @PostMapping("/{auditId}/decision")
    @Allowed(AccessRole.MODERATOR)
    @Operation(summary = "Agree (no finalGrade) or change the grade, with a rationale (the assigned moderator)")
    ModerationView decide(Caller caller, @PathVariable String auditId,
            @Valid @RequestBody DecisionRequest request) {
        Moderation current = ofCaller(moderating, caller, auditId);
        Grade finalGrade = request.finalGrade() != null ? request.finalGrade() : current.audit().auditorGrade();
        return ModerationView.of(moderating.decide(auditId, caller.staffId(),
                new Decision(finalGrade, request.rationale(), request.learningConversation())));
    }
}
