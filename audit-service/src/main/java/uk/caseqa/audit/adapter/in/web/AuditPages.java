package uk.caseqa.audit.adapter.in.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.caseqa.audit.application.Audits;
import uk.caseqa.audit.application.CompletingAudits;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditStatus;
import uk.caseqa.audit.domain.AuditTemplate;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.audit.domain.Draft;
import uk.caseqa.audit.domain.FamilyFeedback;
import uk.caseqa.audit.domain.OtherFeedback;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Grade;
import uk.caseqa.messaging.pages.Due;
import uk.caseqa.messaging.pages.FormErrors;
import uk.caseqa.messaging.pages.PageController;
import uk.caseqa.messaging.security.AccessRole;
import uk.caseqa.messaging.security.Allowed;
import uk.caseqa.messaging.security.Caller;
import uk.caseqa.messaging.web.InvalidFieldsException;

/**
 * The audit form, rendered from the template version the audit was allocated with: each domain's grade with its
 * guiding questions, the overall grade and rationale, the family's feedback (or why none was obtained), the feedback
 * the council's programme requires from others, and the agreed actions. The allocated auditor saves a draft or
 * submits; a wrong entry is shown beside its field and nothing is saved. A submitted audit is shown read-only.
 */
@PageController
class AuditPages {

    static final int ACTION_ROWS = 3;
    static final int TEXT_MAX = 10_000;

    private final Audits audits;
    private final AuditTemplates templates;
    private final AuditProgrammes programmes;
    private final CompletingAudits completing;
    private final Clock clock;

    AuditPages(Audits audits, AuditTemplates templates, AuditProgrammes programmes, CompletingAudits completing,
            Clock clock) {
        this.audits = audits;
        this.templates = templates;
        this.programmes = programmes;
        this.completing = completing;
        this.clock = clock;
    }

    /** What the form holds: entered values by field id (re-shown after an error, or from the draft). */
    record Entered(Map<String, String> values) {
        String get(String id) {
            return values.getOrDefault(id, "");
        }

        public boolean is(String id, String value) {
            return value.equals(values.get(id));
        }

        public String value(String id) {
            return get(id);
        }
    }

    @GetMapping("/pages/audits/{auditId}")
    @Allowed({AccessRole.QA_TEAM, AccessRole.AUDITOR, AccessRole.MODERATOR, AccessRole.IRO, AccessRole.PANEL_MEMBER,
            AccessRole.SERVICE_MANAGER, AccessRole.TEAM_MANAGER})
    String audit(Caller caller, @PathVariable String auditId, Model model) {
        Audit audit = AuditController.ofCaller(audits, caller, auditId);
        return page(caller, audit, model, null, fromDraft(audit));
    }

    @PostMapping("/pages/audits/{auditId}")
    @Allowed({AccessRole.AUDITOR, AccessRole.QA_TEAM, AccessRole.TEAM_MANAGER, AccessRole.SERVICE_MANAGER})
    String save(Caller caller, @PathVariable String auditId,
            @RequestParam(required = false) MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "draft") String intent, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Audit audit = AuditController.ofCaller(audits, caller, auditId);
        AuditTemplate template = templates.byReference(audit.templateReference());
        Entered entered = entered(form);
        FormErrors errors = new FormErrors();
        Map<String, Grade> grades = new LinkedHashMap<>();
        for (AuditTemplate.Domain domain : template.domains()) {
            grade(entered.get("domain-" + domain.key()), "domain-" + domain.key(), errors)
                    .ifPresent(g -> grades.put(domain.key(), g));
        }
        Grade overall = grade(entered.get("overallGrade"), "overallGrade", errors).orElse(null);
        String rationale = entered.get("rationale");
        errors.atMost("rationale", rationale, TEXT_MAX, "The rationale");
        List<AuditAction.Plan> actions = actions(entered, errors);
        boolean submitting = "submit".equals(intent);
        if (submitting) {
            if (template.everyDomainRequired()) {
                template.domains().stream().filter(d -> !grades.containsKey(d.key()))
                        .forEach(d -> errors.add("domain-" + d.key(), "Grade " + d.label()));
            } else if (grades.isEmpty()) {
                errors.add("domain-" + template.domains().get(0).key(), "Grade at least one domain");
            }
            if (overall == null) {
                errors.add("overallGrade", "Choose the overall grade");
            }
            errors.required("rationale", rationale, "Give the rationale for the overall grade");
            if (entered.get("respondentType").isBlank() && entered.get("notObtainedReason").isBlank()) {
                errors.add("respondentType", "Say who gave the family's feedback, or why none was obtained");
            }
        }
        if (errors.any()) {
            response.setStatus(400);
            return page(caller, audit, model, errors, entered);
        }
        try {
            if (submitting) {
                completing.submit(auditId, caller.staffId(), new Audit.Submission(grades, overall, rationale.strip(),
                        new FamilyFeedback(blankToNull(entered.get("respondentType")),
                                blankToNull(entered.get("treatedWell")), blankToNull(entered.get("madeADifference")),
                                blankToNull(entered.get("couldDoDifferently")),
                                "yes".equals(entered.get("wantsToHearWhatChanged")),
                                blankToNull(entered.get("notObtainedReason"))),
                        actions, otherFeedback(entered)));
                redirect.addFlashAttribute("done", "Audit submitted");
            } else {
                completing.saveDraft(auditId, caller.staffId(), new Draft(grades, overall, blankToNull(rationale),
                        blankToNull(entered.get("respondentType")), blankToNull(entered.get("notObtainedReason")),
                        "yes".equals(entered.get("wantsToHearWhatChanged")), actions, clock.instant()));
                redirect.addFlashAttribute("done", "Draft saved");
            }
        } catch (InvalidFieldsException e) {
            e.errors().forEach((field, message) -> errors.add(fieldId(field), sentence(message)));
            response.setStatus(400);
            return page(caller, audit, model, errors, entered);
        }
        return "redirect:/pages/audits/" + auditId;
    }

    private String page(Caller caller, Audit audit, Model model, FormErrors errors, Entered entered) {
        AuditTemplate template = templates.byReference(audit.templateReference());
        boolean open = audit.status() == AuditStatus.ALLOCATED || audit.status() == AuditStatus.RETURNED;
        model.addAttribute("audit", audit);
        model.addAttribute("template", template);
        model.addAttribute("grades", template.gradeScale());
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("editable", open && caller.staffId().equals(audit.auditorId()));
        model.addAttribute("due", audit.completionDueBy() == null ? null
                : Due.of(audit.completionDueBy(), clock.instant()));
        model.addAttribute("otherSources", open ? requiredFeedback(audit) : List.of());
        model.addAttribute("actionRows", java.util.stream.IntStream.rangeClosed(1, ACTION_ROWS).boxed().toList());
        model.addAttribute("completedAt", Due.shown(audit.completedAt()));
        model.addAttribute("draftSavedAt", audit.draft() == null ? "" : Due.shown(audit.draft().savedAt()));
        return "audit/audit";
    }

    private List<OtherFeedback.Source> requiredFeedback(Audit audit) {
        LocalDate today = clock.instant().atZone(AuditProgramme.ENGLAND).toLocalDate();
        AuditProgramme programme = audit.auditType() == AuditType.EARLY_HELP
                ? programmes.inForce(audit.localAuthority(), AuditType.EARLY_HELP, today)
                : programmes.inForce(audit.localAuthority(), today);
        return audit.auditType() == programme.auditType() ? programme.requiredFeedback() : List.of();
    }

    private static Entered entered(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (!list.isEmpty() && !name.equals("_csrf")) {
                values.put(name, list.get(0) == null ? "" : list.get(0));
            }
        });
        return new Entered(values);
    }

    private static Entered fromDraft(Audit audit) {
        Map<String, String> values = new LinkedHashMap<>();
        Draft draft = audit.draft();
        if (draft != null) {
            draft.domainGrades().forEach((key, grade) -> values.put("domain-" + key, grade.name()));
            if (draft.overallGrade() != null) {
                values.put("overallGrade", draft.overallGrade().name());
            }
            putIf(values, "rationale", draft.rationale());
            putIf(values, "respondentType", draft.respondentType());
            putIf(values, "notObtainedReason", draft.notObtainedReason());
            if (Boolean.TRUE.equals(draft.wantsToHearWhatChanged())) {
                values.put("wantsToHearWhatChanged", "yes");
            }
            for (int i = 0; i < Math.min(ACTION_ROWS, draft.actions().size()); i++) {
                AuditAction.Plan plan = draft.actions().get(i);
                values.put("action" + (i + 1) + "-what", plan.what());
                values.put("action" + (i + 1) + "-owner", plan.ownerId());
                values.put("action" + (i + 1) + "-due", String.valueOf(plan.dueOn().getDayOfMonth()));
                values.put("action" + (i + 1) + "-due-month", String.valueOf(plan.dueOn().getMonthValue()));
                values.put("action" + (i + 1) + "-due-year", String.valueOf(plan.dueOn().getYear()));
                if (plan.immediate()) {
                    values.put("action" + (i + 1) + "-immediate", "yes");
                }
            }
        }
        return new Entered(values);
    }

    private static void putIf(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static java.util.Optional<Grade> grade(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Grade.valueOf(value));
        } catch (IllegalArgumentException e) {
            errors.add(field, "Choose one of the grades shown");
            return java.util.Optional.empty();
        }
    }

    /** A row is an action when any of it is filled: then what, owner and due date are all needed. */
    private static List<AuditAction.Plan> actions(Entered entered, FormErrors errors) {
        List<AuditAction.Plan> plans = new ArrayList<>();
        for (int row = 1; row <= ACTION_ROWS; row++) {
            String what = entered.get("action" + row + "-what");
            String owner = entered.get("action" + row + "-owner");
            String day = entered.get("action" + row + "-due");
            String month = entered.get("action" + row + "-due-month");
            String year = entered.get("action" + row + "-due-year");
            boolean noDate = day.isBlank() && month.isBlank() && year.isBlank();
            if (what.isBlank() && owner.isBlank() && noDate) {
                continue;
            }
            errors.required("action" + row + "-what", what, "Say what action " + row + " is");
            errors.atMost("action" + row + "-what", what, 2000, "Action " + row);
            errors.required("action" + row + "-owner", owner, "Give the staff id of action " + row + "'s owner");
            LocalDate dueOn = null;
            if (noDate) {
                errors.add("action" + row + "-due", "Give the date action " + row + " is due");
            } else {
                try {
                    dueOn = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                            Integer.parseInt(day.strip()));
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    errors.add("action" + row + "-due", "Action " + row + "'s due date must be a real date");
                }
            }
            if (!what.isBlank() && !owner.isBlank() && dueOn != null && what.length() <= 2000) {
                plans.add(new AuditAction.Plan(what.strip(), owner.strip(), dueOn,
                        "yes".equals(entered.get("action" + row + "-immediate"))));
            }
        }
        return plans;
    }

    private static List<OtherFeedback> otherFeedback(Entered entered) {
        List<OtherFeedback> feedback = new ArrayList<>();
        for (OtherFeedback.Source source : OtherFeedback.Source.values()) {
            String key = "other-" + source.name();
            String summary = entered.get(key + "-summary");
            String reason = entered.get(key + "-reason");
            if (!summary.isBlank() || !reason.isBlank()) {
                feedback.add(new OtherFeedback(source, blankToNull(entered.get(key + "-who")), blankToNull(summary),
                        blankToNull(reason)));
            }
        }
        return feedback;
    }

    /** The use case's field names as the form's field ids. */
    static String fieldId(String field) {
        if (field.startsWith("domainGrades.")) {
            return "domain-" + field.substring("domainGrades.".length());
        }
        if (field.startsWith("otherFeedback.")) {
            return "other-" + field.substring("otherFeedback.".length()) + "-summary";
        }
        if (field.startsWith("familyFeedback.")) {
            return field.substring("familyFeedback.".length());
        }
        return field;
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(Locale.UK) + message.substring(1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
