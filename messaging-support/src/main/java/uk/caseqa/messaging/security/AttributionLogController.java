package uk.caseqa.messaging.security;

import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The council's information governance reads who read or changed what, in this service. */
@RestController
public class AttributionLogController {

    private final AttributionLog attribution;

    AttributionLogController(AttributionLog attribution) {
        this.attribution = attribution;
    }

    @GetMapping("/attribution-log")
    @Allowed(AccessRole.INFORMATION_GOVERNANCE)
    List<AttributionLog.Entry> entries(Caller caller, @RequestParam(required = false) String staffId,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000");
        }
        return attribution.find(caller.council(), staffId, recordId, from, to, limit);
    }
}
