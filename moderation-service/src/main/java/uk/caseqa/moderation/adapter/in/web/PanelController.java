package uk.caseqa.moderation.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.moderation.application.RunningPanels;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.Panel;

@RestController
@RequestMapping("/panels")
@Tag(name = "QA panel", description = "Panels of at most four review audits: accept with findings or return")
class PanelController {

    private final RunningPanels panels;

    PanelController(RunningPanels panels) {
        this.panels = panels;
    }

    record PanelRequest(@Size(max = 100) String localAuthority, @NotNull LocalDate date,
            @NotEmpty @Size(max = Panel.MAX_MEMBERS) List<@NotBlank String> members) {
    }

    record AcceptanceRequest(@NotBlank @Size(max = 10000) String findings) {
    }

    record ReturnRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The panel, if it is of the caller's council: another council's is not found. */
    private Panel ofCaller(Caller caller, String panelId) {
        Panel panel = panels.panel(panelId);
        caller.mustSee(panel.localAuthority(), "panel " + panelId);
        return panel;
    }

    @PostMapping
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Set up a panel (QA manager or lead)")
    ResponseEntity<Panel> create(Caller caller, @Valid @RequestBody PanelRequest request) {
        Panel panel = panels.create(caller.councilOr(request.localAuthority()), request.date(), request.members(),
                caller.staffId());
        return ResponseEntity.created(URI.create("/panels/" + panel.panelId())).body(panel);
    }

    @GetMapping("/{panelId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.PANEL_MEMBER})
    @Operation(summary = "One panel")
    Panel panel(Caller caller, @PathVariable String panelId) {
        return ofCaller(caller, panelId);
    }

    @GetMapping("/{panelId}/queue")
    @Allowed({AccessRole.QA_TEAM, AccessRole.PANEL_MEMBER})
    @Operation(summary = "Audits of the panel's council waiting for a panel, oldest first")
    List<ModerationController.ModerationView> queue(Caller caller, @PathVariable String panelId) {
        ofCaller(caller, panelId);
        return panels.queue(panelId).stream().map(ModerationController.ModerationView::of).toList();
    }

    @PostMapping("/{panelId}/audits/{auditId}/acceptance")
    @Allowed(AccessRole.PANEL_MEMBER)
    @Operation(summary = "Accept an audit with findings (a panel member)")
    ModerationController.ModerationView accept(Caller caller,
            @PathVariable String panelId, @PathVariable String auditId, @Valid @RequestBody AcceptanceRequest request) {
        ofCaller(caller, panelId);
        Moderation accepted = panels.accept(panelId, auditId, caller.staffId(), request.findings());
        return ModerationController.ModerationView.of(accepted);
    }

    @PostMapping("/{panelId}/audits/{auditId}/return")
    @Allowed(AccessRole.PANEL_MEMBER)
    @Operation(summary = "Return an audit to its auditor with the reason (a panel member)")
    ModerationController.ModerationView returnToAuditor(Caller caller,
            @PathVariable String panelId, @PathVariable String auditId, @Valid @RequestBody ReturnRequest request) {
        ofCaller(caller, panelId);
        return ModerationController.ModerationView.of(panels.returnToAuditor(panelId, auditId, caller.staffId(),
                request.reason()));
    }
}
