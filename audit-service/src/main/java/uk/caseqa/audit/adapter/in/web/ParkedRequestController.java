package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.audit.application.ParkedRequests;

@RestController
@Tag(name = "Parked requests", description = "Audits asked for that wait for a case or member of staff not known yet")
class ParkedRequestController {

    private final ParkedRequests parked;

    ParkedRequestController(ParkedRequests parked) {
        this.parked = parked;
    }

    /** What an operator needs: which request, why it waits, how often it was tried, when next; not the event body. */
    record ParkedView(String eventId, String type, String reason, Instant parkedAt, int attempts, Instant nextTryAt) {
    }

    @GetMapping("/parked-requests")
    @Allowed({AccessRole.OPS, AccessRole.QA_TEAM})
    @Operation(summary = "The council's requests waiting for a case or member of staff not known yet (operators)")
    List<ParkedView> parked(Caller caller, @RequestParam(required = false) String localAuthority) {
        return parked.all(caller.councilOr(localAuthority)).stream().map(p -> new ParkedView(p.eventId(), p.type(), p.reason(),
                p.parkedAt(), p.attempts(), p.nextTryAt())).toList();
    }
}
