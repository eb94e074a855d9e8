package uk.caseqa.notification.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.notification.application.Notifications;

@RestController
@RequestMapping("/notifications")
@Tag(name = "Notifications", description = "What was sent to whom, and what waits")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Notifications to one member of staff, pending and sent")
    List<Notifications.NotificationStatus> forRecipient(@RequestParam String localAuthority,
            @RequestParam String recipientId) {
        return notifications.forRecipient(localAuthority, recipientId);
    }
}
