package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.application.RunningAuditCycles;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditCycle;
import uk.caseqa.audit.domain.AuditStatus;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

@RestController
@Tag(name = "Audit cycles", description = "Select and allocate a cycle's cases; the allocation tracker")
class AuditCycleController {

    private final RunningAuditCycles cycles;
    private final Audits audits;

    AuditCycleController(RunningAuditCycles cycles, Audits audits) {
        this.cycles = cycles;
        this.audits = audits;
    }

    /**
     * {@code seed} absent: a random one, recorded; given: to redo a draw. {@code auditType}: FULL when absent, or
     * EARLY_HELP for Swindon's Early Help programme.
     */
    record CycleRequest(@Size(max = 100) String localAuthority, Long seed, AuditType auditType) {
    }

    /** One row of the allocation tracker (Bolton's spreadsheet, 002 §7.1). */
    record TrackerRow(String auditId, String caseId, Cohort cohort, String teamId, String auditorId,
            String allocatedWorkerId, String teamManagerId, String moderatorId, Instant completionDueBy,
            Instant moderationDueBy, AuditStatus status) {
        static TrackerRow of(Audit a) {
            return new TrackerRow(a.auditId(), a.auditedCase().caseId(), a.auditedCase().cohort(),
                    a.auditedCase().teamId(), a.auditorId(), a.auditedCase().socialWorkerId(),
                    a.auditedCase().teamManagerId(), a.moderatorId(), a.completionDueBy(), a.moderationDueBy(),
                    a.status());
        }

        List<Object> cells() {
            return List.of(auditId, caseId, cohort, teamId, auditorId, allocatedWorkerId, teamManagerId,
                    moderatorId == null ? "" : moderatorId, completionDueBy, moderationDueBy, status);
        }
    }

    static final List<String> TRACKER_HEADER = List.of("Audit", "Case", "Cohort", "Team", "Auditor",
            "Allocated worker", "Team manager", "Moderator", "Completion due", "Moderation due", "Status");

    @PostMapping("/audit-cycles")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Run this cycle's selection and allocation for a council (QA team); runs once per cycle")
    AuditCycle run(Caller caller, @Valid @RequestBody CycleRequest request) {
        return cycles.run(caller.councilOr(request.localAuthority()), AuditType.orFull(request.auditType()),
                request.seed(), caller.staffId());
    }

    @GetMapping("/audit-cycles/{cycleId}")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "How a cycle was drawn: seed, eligible population, exclusions and allocations")
    AuditCycle cycle(Caller caller, @PathVariable String cycleId) {
        AuditCycle cycle = cycles.find(cycleId);
        caller.mustSee(cycle.localAuthority(), "cycle " + cycleId);
        return cycle;
    }

    @GetMapping("/allocation-tracker")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER})
    @Operation(summary = "The allocation tracker of the caller's council, optionally of one cycle")
    List<TrackerRow> tracker(Caller caller, @RequestParam(required = false) String localAuthority,
            @RequestParam(required = false) String cycleId) {
        return audits.ofCouncil(caller.councilOr(localAuthority), cycleId).stream().map(TrackerRow::of).toList();
    }

    @GetMapping("/allocation-tracker.xlsx")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER})
    @Operation(summary = "The allocation tracker as an Excel workbook")
    ResponseEntity<byte[]> trackerWorkbook(Caller caller, @RequestParam(required = false) String localAuthority,
            @RequestParam(required = false) String cycleId) {
        List<List<Object>> rows = tracker(caller, localAuthority, cycleId).stream().map(TrackerRow::cells).toList();
        return Spreadsheets.xlsx("allocation-tracker-" + caller.council() + ".xlsx", "Allocation tracker",
                TRACKER_HEADER, rows);
    }
}
