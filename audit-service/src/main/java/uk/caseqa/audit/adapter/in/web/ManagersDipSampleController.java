package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.audit.application.SettingManagersDipSamples;
import uk.caseqa.messaging.web.Actor;

@RestController
@Tag(name = "Managers' dip samples", description = "The month's theme, and each manager's dip sample of their area")
class ManagersDipSampleController {

    private final SettingManagersDipSamples dipSamples;

    ManagersDipSampleController(SettingManagersDipSamples dipSamples) {
        this.dipSamples = dipSamples;
    }

    /** {@code observingInstead}: managers who observe practice once this month in place of the dip sample. */
    record ThemeRequest(@NotBlank String localAuthority, @NotBlank @Size(max = 200) String theme,
            @Size(max = 500) Set<@NotBlank String> observingInstead) {
    }

    @PostMapping("/managers-dip-samples")
    @Operation(summary = "Set the month's theme: every manager the programme names dip samples their area on it (QA team)")
    List<SettingManagersDipSamples.ManagerSample> setTheme(@RequestHeader(Actor.HEADER) String staffId,
            @Valid @RequestBody ThemeRequest request) {
        return dipSamples.setTheme(request.localAuthority(), request.theme(),
                request.observingInstead() == null ? Set.of() : request.observingInstead(), staffId);
    }
}
