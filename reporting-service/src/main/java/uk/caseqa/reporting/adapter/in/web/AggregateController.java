package uk.caseqa.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.reporting.application.BoardAggregates;

@RestController
@RequestMapping("/aggregates")
@Tag(name = "Board aggregates", description = "Counts boards read, by council, team and period")
class AggregateController {

    private final BoardAggregates aggregates;

    AggregateController(BoardAggregates aggregates) {
        this.aggregates = aggregates;
    }

    @GetMapping
    @Operation(summary = "Aggregates of a council: measure audits-by-final-grade (period yyyy-MM) or open-cases-of-concern")
    List<BoardAggregates.Aggregate> aggregates(@RequestParam String localAuthority,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String period) {
        return aggregates.find(localAuthority, measure, period);
    }
}
