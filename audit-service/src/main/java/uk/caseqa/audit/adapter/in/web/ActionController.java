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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.audit.application.TrackingActions;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.messaging.web.Actor;

@RestController
@Tag(name = "Action tracker", description = "Closing the loop: actions to completion with evidence, or the reason not")
class ActionController {

    private final TrackingActions actions;
    private final SecureRandom seeds = new SecureRandom();

    ActionController(TrackingActions actions) {
        this.actions = actions;
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

    record SampleRequest(@NotBlank String localAuthority, @Min(1) @Max(200) int size, Long seed) {
    }

    record Sample(long seed, List<ActionRow> actions) {
    }

    record VerificationRequest(@NotNull Boolean confirmed, @Size(max = 5000) String note) {
    }

    @GetMapping("/actions")
    @Operation(summary = "The actions tracker of a council")
    List<ActionRow> tracker(@RequestParam String localAuthority) {
        return actions.tracker(localAuthority).stream().map(ActionRow::of).toList();
    }

    @GetMapping("/actions.xlsx")
    @Operation(summary = "The actions tracker as an Excel workbook")
    ResponseEntity<byte[]> trackerWorkbook(@RequestParam String localAuthority) {
        return Spreadsheets.xlsx("actions-tracker-" + localAuthority + ".xlsx", "Actions tracker", HEADER,
                tracker(localAuthority).stream().map(ActionRow::cells).toList());
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/completion")
    @Operation(summary = "The action was done: record the evidence")
    AuditAction complete(@RequestHeader(Actor.HEADER) String staffId, @PathVariable String auditId,
            @PathVariable String actionId, @Valid @RequestBody CompletionRequest request) {
        return actions.complete(auditId, actionId, staffId, request.evidence());
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/not-done")
    @Operation(summary = "The action was not done: record why")
    AuditAction notDone(@RequestHeader(Actor.HEADER) String staffId, @PathVariable String auditId,
            @PathVariable String actionId, @Valid @RequestBody NotDoneRequest request) {
        return actions.notDone(auditId, actionId, staffId, request.reason());
    }

    @PostMapping("/action-verification-samples")
    @Operation(summary = "Draw a sample of completed actions to verify (QA manager); the seed is returned")
    Sample sample(@Valid @RequestBody SampleRequest request) {
        long seed = request.seed() != null ? request.seed() : seeds.nextLong();
        return new Sample(seed, actions.verificationSample(request.localAuthority(), request.size(), seed).stream()
                .map(ActionRow::of).toList());
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/verification")
    @Operation(summary = "Record whether a sampled action's completion was confirmed (QA manager)")
    AuditAction verify(@RequestHeader(Actor.HEADER) String staffId, @PathVariable String auditId,
            @PathVariable String actionId, @Valid @RequestBody VerificationRequest request) {
        return actions.verify(auditId, actionId, staffId, request.confirmed(), request.note());
    }
}
