package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.audit.application.SchedulingLeadersAudits;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

@RestController
@Tag(name = "Managers' and leaders' audits", description = "Managers' dip samples on the month's theme; practice weeks")
class LeadersAuditController {

    private final SchedulingLeadersAudits leaders;

    LeadersAuditController(SchedulingLeadersAudits leaders) {
        this.leaders = leaders;
    }

    /** {@code observingInstead}: managers who observe practice once this month in place of the dip sample. */
    record ThemeRequest(@Size(max = 100) String localAuthority, @NotBlank @Size(max = 200) String theme,
            @Size(max = 500) Set<@NotBlank String> observingInstead) {
    }

    record PracticeWeekRequest(@Size(max = 100) String localAuthority, @NotNull LocalDate startsOn) {
    }

    @PostMapping("/managers-dip-samples")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Set the month's theme: every manager the programme names dip samples their area on it (QA team)")
    List<SchedulingLeadersAudits.ManagerSample> setTheme(Caller caller,
            @Valid @RequestBody ThemeRequest request) {
        return leaders.setTheme(caller.councilOr(request.localAuthority()), request.theme(),
                request.observingInstead() == null ? Set.of() : request.observingInstead(), caller.staffId());
    }

    @PostMapping("/practice-weeks")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Schedule a practice week: each senior leader's audits and observations (QA team)")
    List<SchedulingLeadersAudits.LeaderWeek> schedulePracticeWeek(Caller caller,
            @Valid @RequestBody PracticeWeekRequest request) {
        return leaders.schedulePracticeWeek(caller.councilOr(request.localAuthority()), request.startsOn(),
                caller.staffId());
    }
}
