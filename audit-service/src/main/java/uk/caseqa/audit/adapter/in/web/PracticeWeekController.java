package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.audit.application.RunningPracticeWeeks;
import uk.caseqa.messaging.web.Actor;

@RestController
@Tag(name = "Practice weeks", description = "Senior leaders audit alongside practitioners and observe practice")
class PracticeWeekController {

    private final RunningPracticeWeeks practiceWeeks;

    PracticeWeekController(RunningPracticeWeeks practiceWeeks) {
        this.practiceWeeks = practiceWeeks;
    }

    record PracticeWeekRequest(@NotBlank String localAuthority, @NotNull LocalDate startsOn) {
    }

    @PostMapping("/practice-weeks")
    @Operation(summary = "Schedule a practice week: each senior leader's audits and observations (QA team)")
    List<RunningPracticeWeeks.LeaderWeek> schedule(@RequestHeader(Actor.HEADER) String staffId,
            @Valid @RequestBody PracticeWeekRequest request) {
        return practiceWeeks.schedule(request.localAuthority(), request.startsOn(), staffId);
    }
}
