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
    @Operation(summary = "Notifications to one member of staff of the council: pending, sent and failed")
    List<Notifications.NotificationStatus> forRecipient(@RequestParam String localAuthority,
            @RequestParam String recipientId) {
        return notifications.forRecipient(localAuthority, recipientId);
    }

    @GetMapping(params = "status")
    @Operation(summary = "The council's notifications in one state, e.g. FAILED (retries spent), oldest first")
    List<Notifications.NotificationStatus> inStatus(@RequestParam String localAuthority,
            @RequestParam Notifications.Status status) {
        return notifications.inStatus(localAuthority, status);
    }

    @PostMapping("/{notificationId}/resend")
    @Operation(summary = "Send a FAILED notification again, once its cause is fixed (409 if it is not FAILED)")
    ResponseEntity<Void> sendAgain(@PathVariable String notificationId, @RequestParam String localAuthority,
            @org.springframework.web.bind.annotation.RequestHeader(uk.caseqa.messaging.web.Actor.HEADER) String staffId) {
        if (!dispatching.sendAgain(localAuthority, notificationId, staffId)) {
            throw new IllegalStateException("notification " + notificationId + " of " + localAuthority
                    + " is not FAILED (or does not exist): nothing to send again");
        }
        return ResponseEntity.accepted().build();
    }
}
