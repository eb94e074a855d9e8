package uk.caseqa.notification.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.notification.application.DispatchingNotifications;
import uk.caseqa.notification.application.Notifications;

@RestController
@RequestMapping("/notifications")
@Tag(name = "Notifications", description = "What was sent to whom, and what waits")
class NotificationController {

    private final Notifications notifications;
    private final DispatchingNotifications dispatching;

    NotificationController(Notifications notifications, DispatchingNotifications dispatching) {
        this.notifications = notifications;
        this.dispatching = dispatching;
    }

    @GetMapping(params = "recipientId")
    @Allowed({AccessRole.OPS, AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO,
            AccessRole.PANEL_MEMBER, AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER, AccessRole.PRACTITIONER})
    @Operation(summary = "Notifications to one member of staff of the caller's council (their own, or any for the QA"
            + " team and operators): pending, sent and failed")
    List<Notifications.NotificationStatus> forRecipient(Caller caller,
            @RequestParam(required = false) String localAuthority, @RequestParam String recipientId) {
        if (!recipientId.equals(caller.staffId()) && !caller.has(AccessRole.OPS) && !caller.has(AccessRole.QA_TEAM)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "only your own notifications, unless you are in the QA team or operations");
        }
        return notifications.forRecipient(caller.councilOr(localAuthority), recipientId);
    }

    @GetMapping(params = "status")
    @Allowed({AccessRole.OPS, AccessRole.QA_TEAM})
    @Operation(summary = "The council's notifications in one state, e.g. FAILED (retries spent), oldest first")
    List<Notifications.NotificationStatus> inStatus(Caller caller,
            @RequestParam(required = false) String localAuthority, @RequestParam Notifications.Status status) {
        return notifications.inStatus(caller.councilOr(localAuthority), status);
    }

    @PostMapping("/{notificationId}/resend")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Send a FAILED notification again, once its cause is fixed (409 if it is not FAILED)")
    ResponseEntity<Void> sendAgain(Caller caller, @PathVariable String notificationId,
            @RequestParam(required = false) String localAuthority) {
        String council = caller.councilOr(localAuthority);
        if (!dispatching.sendAgain(council, notificationId, caller.staffId())) {
            throw new IllegalStateException("notification " + notificationId + " of " + council
                    + " is not FAILED (or does not exist): nothing to send again");
        }
        return ResponseEntity.accepted().build();
    }
}
