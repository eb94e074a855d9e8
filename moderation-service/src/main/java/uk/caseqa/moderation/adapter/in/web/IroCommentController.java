package uk.caseqa.moderation.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.moderation.application.RequestingIroComments;
import uk.caseqa.moderation.domain.IroCommentRequest;

@RestController
@RequestMapping("/iro-comments")
@Tag(name = "IRO / CP chair comments", description = "Comments on an audit within 72 hours of being told of it")
class IroCommentController {

    private final RequestingIroComments iroComments;

    IroCommentController(RequestingIroComments iroComments) {
        this.iroComments = iroComments;
    }

    record CommentRequest(@NotBlank @Size(max = 10000) String comment) {
    }

    record IroCommentView(String auditId, String caseId, String iroId, Instant requestedAt, Instant dueBy,
            boolean commented, Instant recordedAt) {
        static IroCommentView of(IroCommentRequest r) {
            return new IroCommentView(r.auditId(), r.caseId(), r.iroId(), r.requestedAt(), r.deadline().dueAt(),
                    r.comment() != null, r.recordedAt());
        }
    }

    /** The request, if it is of the caller's council: another council's is not found. */
    private IroCommentRequest ofCaller(Caller caller, String auditId) {
        IroCommentRequest request = iroComments.find(auditId);
        caller.mustSee(request.localAuthority(), "IRO comment request for audit " + auditId);
        return request;
    }

    @GetMapping("/{auditId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "The IRO / CP chair comment request of an audit")
    IroCommentView request(Caller caller, @PathVariable String auditId) {
        return IroCommentView.of(ofCaller(caller, auditId));
    }

    @PostMapping("/{auditId}")
    @Allowed(AccessRole.IRO)
    @Operation(summary = "Record comments (the case's IRO / CP chair)")
    IroCommentView comment(Caller caller, @PathVariable String auditId,
            @Valid @RequestBody CommentRequest request) {
        ofCaller(caller, auditId);
        return IroCommentView.of(iroComments.record(auditId, caller.staffId(), request.comment()));
    }
}
