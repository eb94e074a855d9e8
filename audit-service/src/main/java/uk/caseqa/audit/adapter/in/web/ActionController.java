package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.audit.application.TrackingActions;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

@RestController
@Tag(name = "Action tracker", description = "Closing the loop: actions to completion with evidence, or the reason not")
class ActionController {

    private final TrackingActions actions;
    private final uk.caseqa.audit.application.Audits audits;
    private final SecureRandom seeds = new SecureRandom();

    ActionController(TrackingActions actions, uk.caseqa.audit.application.Audits audits) {
        this.actions = actions;
        this.audits = audits;
    }

    /** One row of the actions tracker (the QA lead's spreadsheet, 002 §7.7-7.8). */
    record ActionRow(String auditId, String actionId, String caseId, String teamId, String ownerId, String what,
            LocalDate dueOn, boolean immediate, AuditAction.Status status, String evidence, String notDoneReason,
            String closedBy, Instant closedAt, boolean overdue, Boolean verified) {
        static ActionRow of(TrackingActions.TrackedAction t) {
            AuditAction a = t.action();
            return new ActionRow(t.audit().auditId(), a.actionId(), t.audit().auditedCase().caseId(),
                    t.audit().auditedCase().teamId(), a.ownerId(), a.what(), a.dueOn(), a.immediate(), a.status(),
                    a.evidence(), a.notDoneReason(), a.closedBy(), a.closedAt(), a.overdueFired(),
                    a.verification() == null ? null : a.verification().confirmed());
        }

        List<Object> cells() {
            return java.util.Arrays.asList(auditId, actionId, caseId, teamId, ownerId, what, dueOn,
                    immediate ? "yes" : "no", status, evidence, notDoneReason, closedBy, closedAt,
                    overdue ? "yes" : "no", verified == null ? "" : verified ? "confirmed" : "not confirmed");
        }
    }

    static final List<String> HEADER = List.of("Audit", "Action", "Case", "Team", "Owner", "Action required",
            "Due", "Immediate", "Status", "Evidence", "Reason not done", "Closed by", "Closed at", "Overdue",
            "Verified");

    record CompletionRequest(@NotBlank @Size(max = 5000) String evidence) {
    }

    record NotDoneRequest(@NotBlank @Size(max = 5000) String reason) {
    }

    record SampleRequest(@Size(max = 100) String localAuthority, @Min(1) @Max(200) int size, Long seed) {
    }

    record Sample(long seed, List<ActionRow> actions) {
    }

    record VerificationRequest(@NotNull Boolean confirmed, @Size(max = 5000) String note) {
    }

    @GetMapping("/actions")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "The actions tracker of the caller's council")
    List<ActionRow> tracker(Caller caller, @RequestParam(required = false) String localAuthority) {
        return actions.tracker(caller.councilOr(localAuthority)).stream().map(ActionRow::of).toList();
    }

    @GetMapping("/actions.xlsx")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "The actions tracker as an Excel workbook")
    ResponseEntity<byte[]> trackerWorkbook(Caller caller, @RequestParam(required = false) String localAuthority) {
        return Spreadsheets.xlsx("actions-tracker-" + caller.council() + ".xlsx", "Actions tracker", HEADER,
                tracker(caller, localAuthority).stream().map(ActionRow::cells).toList());
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/completion")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    @Operation(summary = "The action was done: record the evidence")
    AuditAction complete(Caller caller, @PathVariable String auditId,
            @PathVariable String actionId, @Valid @RequestBody CompletionRequest request) {
        AuditController.ofCaller(audits, caller, auditId);
        return actions.complete(auditId, actionId, caller.staffId(), request.evidence());
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/not-done")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    @Operation(summary = "The action was not done: record why")
    AuditAction notDone(Caller caller, @PathVariable String auditId,
            @PathVariable String actionId, @Valid @RequestBody NotDoneRequest request) {
        AuditController.ofCaller(audits, caller, auditId);
        return actions.notDone(auditId, actionId, caller.staffId(), request.reason());
    }

    @PostMapping("/action-verification-samples")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Draw a sample of completed actions to verify (QA manager); the seed is returned")
    Sample sample(Caller caller, @Valid @RequestBody SampleRequest request) {
        long seed = request.seed() != null ? request.seed() : seeds.nextLong();
        return new Sample(seed, actions.verificationSample(caller.councilOr(request.localAuthority()), request.size(), seed).stream()
                .map(ActionRow::of).toList());
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/verification")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Record whether a sampled action's completion was confirmed (QA manager)")
    AuditAction verify(Caller caller, @PathVariable String auditId,
            @PathVariable String actionId, @Valid @RequestBody VerificationRequest request) {
        AuditController.ofCaller(audits, caller, auditId);
        return actions.verify(auditId, actionId, caller.staffId(), request.confirmed(), request.note());
    }
}
