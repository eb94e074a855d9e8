package uk.caseqa.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.reporting.application.BoardView;
import uk.caseqa.reporting.application.CountingFromRecords;
import uk.caseqa.reporting.application.CycleAnchors;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

@RestController
@RequestMapping("/board")
@Tag(name = "Board", description = "Measures boards read, by council, service, team, cohort and auditor, for any period")
class BoardController {

    private final BoardView view;
    private final CountingFromRecords counting;
    private final CycleAnchors anchors;
    private final BoardStreams streams;

    BoardController(BoardView view, CountingFromRecords counting, CycleAnchors anchors, BoardStreams streams) {
        this.streams = streams;
        this.view = view;
        this.counting = counting;
        this.anchors = anchors;
    }

    /** A measure's definition, as the dashboard shows it. */
    record MeasureDefinition(String id, String title, String definition, String source, List<Breakdown> breakdowns) {
    }

    @GetMapping("/measures")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    @Operation(summary = "Every measure: what it counts and which council document asks for it")
    List<MeasureDefinition> measures() {
        return java.util.Arrays.stream(Measure.values()).map(m -> new MeasureDefinition(m.id(), m.title(),
                m.definition(), m.source(), List.copyOf(m.breakdowns()))).toList();
    }

    @GetMapping("/councils")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    @Operation(summary = "The councils with aggregates that the caller may read: their own")
    List<String> councils(Caller caller) {
        return view.councils().stream().filter(caller.council()::equals).toList();
    }

    @GetMapping("/values")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    @Operation(summary = "The services, teams, cohorts or auditors of a council that figures are broken down by")
    List<String> values(Caller caller, @RequestParam(required = false) String localAuthority,
            @RequestParam Breakdown breakdown) {
        return view.values(caller.councilOr(localAuthority), breakdown);
    }

    @GetMapping("/aggregates")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    @Operation(summary = "Aggregates of one measure of a council: by breakdown (default COUNCIL) and value, for one "
            + "period (2026-11, 2026-W07, 6w-2026-03-02, 2026-Q4, 2026-H2, 2026) or a period type between from and to")
    List<BoardView.Shown> aggregates(Caller caller, @RequestParam(name = "localAuthority", required = false) String localAuthorityNamed,
            @RequestParam String measure,
            @RequestParam(required = false) Breakdown breakdown, @RequestParam(required = false) String value,
            @RequestParam(required = false) String period, @RequestParam(required = false) Period.Type periodType,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String localAuthority = caller.councilOr(localAuthorityNamed);
        if (period != null) {
            anchors.period(localAuthority, period);
        }
        return view.ask(new BoardView.Question(Measure.ofId(measure), localAuthority, breakdown, value, period,
                periodType, from, to));
    }

    /** Identifiers of case-level records (some name a case): the QA team's and service managers', not the board's. */
    @GetMapping("/audits")
    @Allowed({AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER})
    @Operation(summary = "The audits (or cases of concern, follow-ups) behind one figure: identifiers only")
    List<CountingFromRecords.Behind> behind(Caller caller,
            @RequestParam(name = "localAuthority", required = false) String localAuthorityNamed,
            @RequestParam String measure,
            @RequestParam(required = false) Breakdown breakdown, @RequestParam(required = false) String value,
            @RequestParam String period, @RequestParam String bucket) {
        String localAuthority = caller.councilOr(localAuthorityNamed);
        Breakdown by = breakdown == null ? Breakdown.COUNCIL : breakdown;
        return counting.behind(localAuthority, Measure.ofId(measure), by, by == Breakdown.COUNCIL ? null : value,
                anchors.period(localAuthority, period), bucket);
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Allowed(value = {AccessRole.BOARD_READER, AccessRole.QA_TEAM, AccessRole.SERVICE_MANAGER}, scopes = "board.read")
    @Operation(summary = "Server-sent events: each aggregate of the council as it changes (event name 'aggregate');"
            + " a browser's EventSource sends its token as the access_token parameter")
    SseEmitter stream(Caller caller, @RequestParam(required = false) String localAuthority) {
        return streams.open(caller.councilOr(localAuthority));
    }
}
