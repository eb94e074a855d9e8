package uk.caseqa.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.caseqa.audit.application.AllocatingAudits;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.application.CompletingAudits;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.audit.domain.AuditStatus;
import uk.caseqa.audit.domain.Draft;
import uk.caseqa.audit.domain.FamilyFeedback;
import uk.caseqa.audit.domain.OtherFeedback;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.Grade;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;

@RestController
@RequestMapping("/audits")
@Tag(name = "Audits", description = "Allocate audits and submit them")
class AuditController {

    private final AllocatingAudits allocating;
    private final CompletingAudits completing;
    private final Audits audits;
    private final java.time.Clock clock;

    AuditController(AllocatingAudits allocating, CompletingAudits completing, Audits audits, java.time.Clock clock) {
        this.clock = clock;
        this.allocating = allocating;
        this.completing = completing;
        this.audits = audits;
    }

    /** {@code auditType}: FULL when absent; MULTI_AGENCY, PRACTICE_OBSERVATION, THEMATIC, ... each with its template. */
    /** {@code localAuthority}: the case's council; may be left out while only one council has a case of that id. */
    record AllocationRequest(@NotBlank String caseId, @NotBlank String auditorId, AuditType auditType,
            @Size(max = 100) String localAuthority) {
    }

    record FamilyFeedbackRequest(String respondentType, String treatedWell, String madeADifference,
            String couldDoDifferently, Boolean wantsToHearWhatChanged, String notObtainedReason) {
    }

    record ActionRequest(@NotBlank @Size(max = 2000) String what, @NotBlank String ownerId, @NotNull LocalDate dueOn,
            boolean immediate) {
        AuditAction.Plan plan() {
            return new AuditAction.Plan(what, ownerId, dueOn, immediate);
        }
    }

    record SubmissionRequest(@NotEmpty Map<String, Grade> domainGrades, @NotNull Grade overallGrade,
            @NotBlank @Size(max = 10000) String rationale, @NotNull @Valid FamilyFeedbackRequest familyFeedback,
            List<@Valid ActionRequest> actions, @Size(max = 20) List<@Valid OtherFeedbackRequest> otherFeedback) {
    }

    /** The practitioner's, a professional's or the lead agency's feedback, or why it was not obtained. */
    record OtherFeedbackRequest(@NotNull OtherFeedback.Source from, @Size(max = 200) String who,
            @Size(max = 10000) String summary, @Size(max = 2000) String notObtainedReason) {
        OtherFeedback feedback() {
            return new OtherFeedback(from, who, summary, notObtainedReason);
        }
    }

    /** Everything optional: an audit in progress. */
    record DraftRequest(Map<String, Grade> domainGrades, Grade overallGrade, @Size(max = 10000) String rationale,
            String respondentType, String notObtainedReason, Boolean wantsToHearWhatChanged,
            List<@Valid ActionRequest> actions) {
    }

    record AuditView(String auditId, String localAuthority, String caseId, String auditorId, String allocatedBy,
            Instant allocatedAt, Instant completionDueBy, AuditStatus status, Grade overallGrade,
            Map<String, Grade> domainGrades, Instant completedAt, String returnReason,
            LocalDate reflectedInSupervisionOn) {
        static AuditView of(Audit a) {
            return new AuditView(a.auditId(), a.localAuthority(), a.auditedCase().caseId(), a.auditorId(),
                    a.allocatedBy(), a.allocatedAt(), a.completionDueBy(), a.status(),
                    a.submission() == null ? null : a.submission().overallGrade(),
                    a.submission() == null ? null : a.submission().domainGrades(), a.completedAt(), a.returnReason(),
                    a.reflection() == null ? null : a.reflection().reflectedOn());
        }
    }

    /** The audit, if it is of the caller's council: another council's audit is not found. */
    static Audit ofCaller(Audits audits, Caller caller, String auditId) {
        return audits.find(auditId).filter(a -> a.localAuthority().equals(caller.council()))
                .orElseThrow(() -> new NoSuchElementException("no audit " + auditId));
    }

    @PostMapping
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Allocate an audit of a case to an auditor (QA team)")
    ResponseEntity<AuditView> allocate(Caller caller,
            @Valid @RequestBody AllocationRequest request) {
        Audit audit = allocating.allocate(caller.councilOr(request.localAuthority()), request.caseId(),
                request.auditorId(), caller.staffId(),
                AuditType.orFull(request.auditType()));
        return ResponseEntity.created(URI.create("/audits/" + audit.auditId())).body(AuditView.of(audit));
    }

    record ReallocationRequest(@NotBlank String auditorId) {
    }

    record ThematicRequest(@Size(max = 100) String localAuthority, @NotBlank @Size(max = 200) String theme, Cohort cohort,
            String teamId, @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int maxCases,
            @NotEmpty List<@NotBlank String> auditorIds) {
    }

    @PostMapping("/{auditId}/reallocation")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "Give an audit to another auditor before submission (QA team)")
    AuditView reallocate(Caller caller, @PathVariable String auditId,
            @Valid @RequestBody ReallocationRequest request) {
        ofCaller(audits, caller, auditId);
        return AuditView.of(allocating.reallocate(auditId, request.auditorId(), caller.staffId()));
    }

    @PostMapping("/thematic")
    @Allowed(AccessRole.QA_TEAM)
    @Operation(summary = "A thematic audit of the open cases matching a cohort and/or team, shared among auditors (QA team)")
    List<AuditView> thematic(Caller caller, @Valid @RequestBody ThematicRequest request) {
        return allocating.thematic(caller.councilOr(request.localAuthority()), request.theme(), request.cohort(),
                request.teamId(), request.maxCases(), request.auditorIds(), caller.staffId()).stream()
                .map(AuditView::of).toList();
    }

    @PostMapping("/{auditId}/submission")
    @Allowed({AccessRole.AUDITOR, AccessRole.QA_TEAM, AccessRole.TEAM_MANAGER, AccessRole.SERVICE_MANAGER})
    @Operation(summary = "Submit the completed audit, or resubmit one the QA panel returned (the allocated auditor)")
    AuditView submit(Caller caller, @PathVariable String auditId,
            @Valid @RequestBody SubmissionRequest request) {
        ofCaller(audits, caller, auditId);
        FamilyFeedbackRequest f = request.familyFeedback();
        Audit.Submission submission = new Audit.Submission(request.domainGrades(), request.overallGrade(),
                request.rationale(), new FamilyFeedback(f.respondentType(), f.treatedWell(), f.madeADifference(),
                        f.couldDoDifferently(), Boolean.TRUE.equals(f.wantsToHearWhatChanged()), f.notObtainedReason()),
                request.actions() == null ? List.of() : request.actions().stream().map(ActionRequest::plan).toList(),
                request.otherFeedback() == null ? List.of()
                        : request.otherFeedback().stream().map(OtherFeedbackRequest::feedback).toList());
        return AuditView.of(completing.submit(auditId, caller.staffId(), submission));
    }

    /** Who audits: the QA team, auditors, and the managers whose dip samples and practice weeks are audits. */
    @PutMapping("/{auditId}/draft")
    @Allowed({AccessRole.AUDITOR, AccessRole.QA_TEAM, AccessRole.TEAM_MANAGER, AccessRole.SERVICE_MANAGER})
    @Operation(summary = "Save the audit in progress, to resume later (the allocated auditor)")
    Draft saveDraft(Caller caller, @PathVariable String auditId,
            @Valid @RequestBody DraftRequest request) {
        ofCaller(audits, caller, auditId);
        Draft draft = new Draft(request.domainGrades(), request.overallGrade(), request.rationale(),
                request.respondentType(), request.notObtainedReason(), request.wantsToHearWhatChanged(),
                request.actions() == null ? List.of() : request.actions().stream().map(ActionRequest::plan).toList(),
                clock.instant());
        return completing.saveDraft(auditId, caller.staffId(), draft).draft();
    }

    record ReflectionRequest(@NotNull LocalDate reflectedOn, @Size(max = 10000) String note) {
    }

    @PostMapping("/{auditId}/supervision-reflection")
    @Allowed(AccessRole.TEAM_MANAGER)
    @Operation(summary = "Record that the closed audit was reflected on with the practitioner in supervision (the case's team manager)")
    Audit.SupervisionReflection reflectedInSupervision(Caller caller,
            @PathVariable String auditId, @Valid @RequestBody ReflectionRequest request) {
        ofCaller(audits, caller, auditId);
        return completing.reflectedInSupervision(auditId, caller.staffId(), request.reflectedOn(), request.note())
                .reflection();
    }

    @GetMapping("/{auditId}/draft")
    @Allowed({AccessRole.AUDITOR, AccessRole.QA_TEAM, AccessRole.TEAM_MANAGER, AccessRole.SERVICE_MANAGER})
    @Operation(summary = "Resume: the saved draft")
    Draft draft(Caller caller, @PathVariable String auditId) {
        Audit audit = ofCaller(audits, caller, auditId);
        if (!caller.has(AccessRole.QA_TEAM) && !caller.staffId().equals(audit.auditorId())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "an audit in progress is its auditor's and the QA team's to read");
        }
        Draft draft = audit.draft();
        if (draft == null) {
            throw new NoSuchElementException("no draft of " + auditId);
        }
        return draft;
    }

    @GetMapping("/{auditId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "One audit")
    AuditView audit(Caller caller, @PathVariable String auditId) {
        return AuditView.of(ofCaller(audits, caller, auditId));
    }

    @GetMapping(params = "caseId")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    @Operation(summary = "The audits of a case of the caller's council")
    List<AuditView> auditsOfCase(Caller caller,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String localAuthority,
            @org.springframework.web.bind.annotation.RequestParam String caseId) {
        return audits.findByCase(caller.councilOr(localAuthority), caseId).stream().map(AuditView::of).toList();
    }
}
