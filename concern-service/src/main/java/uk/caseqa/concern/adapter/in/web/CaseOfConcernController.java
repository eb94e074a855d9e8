package uk.caseqa.concern.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.concern.application.CasesOfConcern;
import uk.caseqa.concern.domain.CaseOfConcern;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.contracts.GradedBy;

@RestController
@RequestMapping("/cases-of-concern")
@Tag(name = "Cases of concern", description = "Open cases of concern and their deadlines")
class CaseOfConcernController {

    private final CasesOfConcern casesOfConcern;

    CaseOfConcernController(CasesOfConcern casesOfConcern) {
        this.casesOfConcern = casesOfConcern;
    }

    record CaseOfConcernView(String caseOfConcernId, String auditId, String localAuthority, String caseId,
            String serviceId, String teamId, String serviceManagerId, GradedBy gradedBy, Instant openedAt,
            CaseOfConcern.Status status, List<Deadline> deadlines) {
        static CaseOfConcernView of(CaseOfConcern c) {
            return new CaseOfConcernView(c.caseOfConcernId(), c.auditId(), c.localAuthority(), c.caseId(),
                    c.serviceId(), c.teamId(), c.serviceManagerId(), c.gradedBy(), c.openedAt(), c.status(),
                    c.deadlines());
        }
    }

    @GetMapping
    @Operation(summary = "Open cases of concern of a council, optionally of one service or team")
    List<CaseOfConcernView> open(@RequestParam String localAuthority, @RequestParam(required = false) String serviceId,
            @RequestParam(required = false) String teamId) {
        return casesOfConcern.open(localAuthority, serviceId, teamId).stream().map(CaseOfConcernView::of).toList();
    }

    @GetMapping("/{caseOfConcernId}")
    @Operation(summary = "One case of concern")
    CaseOfConcernView one(@PathVariable String caseOfConcernId) {
        return casesOfConcern.find(caseOfConcernId).map(CaseOfConcernView::of)
                .orElseThrow(() -> new NoSuchElementException("no case of concern " + caseOfConcernId));
    }
}
