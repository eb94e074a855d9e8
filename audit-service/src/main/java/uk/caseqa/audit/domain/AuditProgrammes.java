package uk.caseqa.audit.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import uk.caseqa.contracts.AuditType;

/** The councils' audit programmes side by side; the one in force for a council on a day ({@code *}: any other). */
public final class AuditProgrammes {

    private final List<AuditProgramme> programmes;

    public AuditProgrammes(List<AuditProgramme> programmes) {
        this.programmes = List.copyOf(programmes);
    }

    /** The council's case-file (FULL) audit programme in force on the day, or the default one. */
    public AuditProgramme inForce(String localAuthority, LocalDate day) {
        return inForce(localAuthority, AuditType.FULL, day);
    }

    /** The council's programme of that audit type in force on the day; the default one only for FULL. */
    public AuditProgramme inForce(String localAuthority, AuditType type, LocalDate day) {
        return latest(localAuthority, type, day).or(() -> type == AuditType.FULL ? latest("*", type, day)
                : Optional.empty()).orElseThrow(() -> new NoSuchElementException("no " + type
                        + " audit programme for " + localAuthority + " on " + day));
    }

    public AuditProgramme byId(String id) {
        return programmes.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no audit programme " + id));
    }

    private Optional<AuditProgramme> latest(String localAuthority, AuditType type, LocalDate day) {
        return programmes.stream().filter(p -> p.localAuthority().equals(localAuthority))
                .filter(p -> p.auditType() == type)
                .filter(p -> !p.effectiveFrom().isAfter(day)).max(Comparator.comparing(AuditProgramme::effectiveFrom));
    }
}
