package uk.caseqa.audit.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Grade;

/**
 * A council's audit template for one audit type, versioned: the practice domains with their questions, the grade
 * scale and the family feedback questions. An audit keeps the template version it was allocated with. Unless
 * {@code everyDomainRequired} is false (themed work: dip samples, caseload and thematic audits), a submission grades
 * every domain (002 §5, 001 §6.1.6).
 */
public record AuditTemplate(String id, String localAuthority, AuditType auditType, int version, LocalDate effectiveFrom,
        List<Domain> domains, List<Grade> gradeScale, List<String> familyFeedbackQuestions,
        Boolean everyDomainRequired) {

    /** A practice domain the auditor grades, with the questions that guide the judgement. */
    public record Domain(String key, String label, List<String> questions) {
        public Domain {
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    public AuditTemplate {
        if (id == null || localAuthority == null || auditType == null || version <= 0 || effectiveFrom == null
                || domains == null || domains.isEmpty()) {
            throw new IllegalArgumentException("a template needs an id, a council, a type, a version, a date and domains");
        }
        domains = List.copyOf(domains);
        gradeScale = gradeScale == null || gradeScale.isEmpty() ? List.of(Grade.values()) : List.copyOf(gradeScale);
        familyFeedbackQuestions = familyFeedbackQuestions == null ? List.of() : List.copyOf(familyFeedbackQuestions);
        everyDomainRequired = everyDomainRequired == null || everyDomainRequired;
    }

    public String reference() {
        return id + "@v" + version;
    }

    /**
     * Field errors for grades that are not this template's (unknown domains, grades off the scale) and, where every
     * domain is required, for each domain left ungraded.
     */
    public Map<String, String> check(Map<String, Grade> domainGrades, Grade overall) {
        Map<String, String> errors = new TreeMap<>();
        domainGrades.forEach((key, grade) -> {
            if (domains.stream().noneMatch(d -> d.key().equals(key))) {
                errors.put("domainGrades." + key, "not a domain of " + reference());
            } else if (!gradeScale.contains(grade)) {
                errors.put("domainGrades." + key, grade + " is not on the grade scale of " + reference());
            }
        });
        if (everyDomainRequired) {
            domains.stream().filter(d -> !domainGrades.containsKey(d.key())).forEach(d -> errors.put(
                    "domainGrades." + d.key(), "grade " + d.label() + ": every domain of " + reference() + " is graded"));
        }
        if (overall != null && !gradeScale.contains(overall)) {
            errors.put("overallGrade", overall + " is not on the grade scale of " + reference());
        }
        return errors;
    }
}
