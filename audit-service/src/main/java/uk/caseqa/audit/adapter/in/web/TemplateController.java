package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditTemplate;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.contracts.AuditType;

@RestController
@Tag(name = "Audit templates", description = "Domains, questions and grade scale per council and audit type")
class TemplateController {

    private final AuditTemplates templates;
    private final Audits audits;
    private final Clock clock;

    TemplateController(AuditTemplates templates, Audits audits, Clock clock) {
        this.templates = templates;
        this.audits = audits;
        this.clock = clock;
    }

    @GetMapping("/audit-templates")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "The template in force today for the caller's council and an audit type (FULL, SHORT, ...)")
    AuditTemplate current(Caller caller, @RequestParam(required = false) String localAuthority,
            @RequestParam(defaultValue = "FULL") AuditType auditType) {
        return templates.inForce(caller.councilOr(localAuthority), auditType, clock.instant().atZone(AuditProgramme.ENGLAND).toLocalDate());
    }

    @GetMapping("/audits/{auditId}/template")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "The template version an audit is done with")
    AuditTemplate ofAudit(Caller caller, @PathVariable String auditId) {
        return templates.byReference(AuditController.ofCaller(audits, caller, auditId).templateReference());
    }
}
