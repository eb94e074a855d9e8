package uk.caseqa.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClient;

/** What an auditor's form rendered from the audit's template submits: a grade for every domain it lists. */
final class TemplateForm {

    /** The allocated practitioner's view, which Swindon (001 §3) and Bolton (002 §7) record in every audit. */
    static final List<Map<String, String>> PRACTITIONER = List.of(Map.of("from", "PRACTITIONER",
            "summary", "The family have engaged since the new plan."));

    private TemplateForm() {
    }

    /** {@code grade} for every domain of the audit's template, except those {@code others} names. */
    @SuppressWarnings("unchecked")
    static Map<String, String> everyDomain(RestClient http, String bearer, String auditId, String grade,
            Map<String, String> others) {
        Map<String, Object> template = http.get().uri("/audits/{id}/template", auditId).header("Authorization", bearer)
                .retrieve().body(Map.class);
        Map<String, String> grades = new LinkedHashMap<>();
        for (Map<String, Object> domain : (List<Map<String, Object>>) template.get("domains")) {
            grades.put((String) domain.get("key"), others.getOrDefault((String) domain.get("key"), grade));
        }
        return grades;
    }
}
