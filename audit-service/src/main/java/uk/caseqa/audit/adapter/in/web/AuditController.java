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
import org.springframework.web.bind.annotation.RequestHeader;
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
import uk.caseqa.messaging.web.Actor;

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

    @PostMapping
    @Operation(summary = "Allocate an audit of a case to an auditor (QA team)")
    ResponseEntity<AuditView> allocate(@RequestHeader(Actor.HEADER) String staffId,
            @Valid @RequestBody AllocationRequest request) {
        Audit audit = allocating.allocate(request.localAuthority(), request.caseId(), request.auditorId(), staffId,
                AuditType.orFull(request.auditType()));
        return ResponseEntity.created(URI.create("/audits/" + audit.auditId())).body(AuditView.of(audit));
    }

    record ReallocationRequest(@NotBlank String auditorId) {
    }

    record ThematicRequest(@NotBlank String localAuthority, @NotBlank @Size(max = 200) String theme, Cohort cohort,
            String teamId, @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int maxCases,
            @NotEmpty List<@NotBlank String> auditorIds) {
    }

    @PostMapping("/{auditId}/reallocation")
    @Operation(summary = "Give an audit to another auditor before submission (QA team)")
    AuditView reallocate(@RequestHeader(Actor.HEADER) String staffId, @PathVariable String auditId,
            @Valid @RequestBody ReallocationRequest request) {
        return AuditView.of(allocating.reallocate(auditId, request.auditorId(), staffId));
    }

    @PostMapping("/thematic")
    @Operation(summary = "A thematic audit of the open cases matching a cohort and/or team, shared among auditors (QA team)")
    List<AuditView> thematic(@RequestHeader(Actor.HEADER) String staffId, @Valid @RequestBody ThematicRequest request) {
        return allocating.thematic(request.localAuthority(), request.theme(), request.cohort(), request.teamId(),
                request.maxCases(), request.auditorIds(), staffId).stream().map(AuditView::of).toList();
    }

    @PostMapping("/{auditId}/submission")
    @Operation(summary = "Submit the completed audit, or resubmit one the QA panel returned (the allocated auditor)")
    AuditView submit(@RequestHeader(Actor.HEADER) String staffId, @PathVariable String auditId,
            @Valid @RequestBody SubmissionRequest request) {
        FamilyFeedbackRequest f = request.familyFeedback();
        Audit.Submission submission = new Audit.Submission(request.domainGrades(), request.overallGrade(),
                request.rationale(), new FamilyFeedback(f.respondentType(), f.treatedWell(), f.madeADifference(),
                        f.couldDoDifferently(), Boolean.TRUE.equals(f.wantsToHearWhatChanged()), f.notObtainedReason()),
                request.actions() == null ? List.of() : request.actions().stream().map(ActionRequest::plan).toList(),
                request.otherFeedback() == null ? List.of()
                        : request.otherFeedback().stream().map(OtherFeedbackRequest::feedback).toList());
        return AuditView.of(completing.submit(auditId, staffId, submission));
    }

    @PutMapping("/{auditId}/draft")
    @Operation(summary = "Save the audit in progress, to resume later (the allocated auditor)")
    Draft saveDraft(@RequestHeader(Actor.HEADER) String staffId, @PathVariable String auditId,
            @Valid @RequestBody DraftRequest request) {
        Draft draft = new Draft(request.domainGrades(), request.overallGrade(), request.rationale(),
                request.respondentType(), request.notObtainedReason(), request.wantsToHearWhatChanged(),
                request.actions() == null ? List.of() : request.actions().stream().map(ActionRequest::plan).toList(),
                clock.instant());
        return completing.saveDraft(auditId, staffId, draft).draft();
    }

    record ReflectionRequest(@NotNull LocalDate reflectedOn, @Size(max = 10000) String note) {
    }

    @PostMapping("/{auditId}/supervision-reflection")
    @Operation(summary = "Record that the closed audit was reflected on with the practitioner in supervision (the case's team manager)")
    Audit.SupervisionReflection reflectedInSupervision(@RequestHeader(Actor.HEADER) String staffId,
            @PathVariable String auditId, @Valid @RequestBody ReflectionRequest request) {
        return completing.reflectedInSupervision(auditId, staffId, request.reflectedOn(), request.note()).reflection();
    }

    @GetMapping("/{auditId}/draft")
    @Operation(summary = "Resume: the saved draft")
    Draft draft(@PathVariable String auditId) {
        Draft draft = audits.find(auditId).orElseThrow(() -> new NoSuchElementException("no audit " + auditId)).draft();
        if (draft == null) {
            throw new NoSuchElementException("no draft of " + auditId);
        }
        return draft;
    }

    @GetMapping("/{auditId}")
    @Operation(summary = "One audit")
    AuditView audit(@PathVariable String auditId) {
        return audits.find(auditId).map(AuditView::of).orElseThrow(() -> new NoSuchElementException("no audit " + auditId));
    }

    @GetMapping(params = "caseId")
    @Operation(summary = "The audits of a council's case")
    List<AuditView> auditsOfCase(@org.springframework.web.bind.annotation.RequestParam String localAuthority,
            @org.springframework.web.bind.annotation.RequestParam String caseId) {
        return audits.findByCase(localAuthority, caseId).stream().map(AuditView::of).toList();
    }
}
