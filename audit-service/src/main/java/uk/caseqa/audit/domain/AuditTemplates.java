package uk.caseqa.audit.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import uk.caseqa.contracts.AuditType;

/** All templates, every version; the one in force for a council, an audit type and a day ({@code *}: any council). */
public final class AuditTemplates {

    private final List<AuditTemplate> templates;

    public AuditTemplates(List<AuditTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    public AuditTemplate inForce(String localAuthority, AuditType auditType, LocalDate day) {
        return latest(localAuthority, auditType, day).or(() -> latest("*", auditType, day))
                .orElseThrow(() -> new NoSuchElementException("no " + auditType + " template for " + localAuthority));
    }

    /** The template an audit was allocated with ({@code id@vN}). */
    public AuditTemplate byReference(String reference) {
        return templates.stream().filter(t -> t.reference().equals(reference)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no template " + reference));
    }

    private Optional<AuditTemplate> latest(String localAuthority, AuditType auditType, LocalDate day) {
        return templates.stream().filter(t -> t.localAuthority().equals(localAuthority))
                .filter(t -> t.auditType() == auditType).filter(t -> !t.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(AuditTemplate::effectiveFrom).thenComparing(AuditTemplate::version));
    }
}
