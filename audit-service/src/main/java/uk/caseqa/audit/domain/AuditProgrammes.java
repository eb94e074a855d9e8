package uk.caseqa.audit.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The councils' audit programmes side by side; the one in force for a council on a day ({@code *}: any other). */
public final class AuditProgrammes {

    private final List<AuditProgramme> programmes;

    public AuditProgrammes(List<AuditProgramme> programmes) {
        this.programmes = List.copyOf(programmes);
    }

    public AuditProgramme inForce(String localAuthority, LocalDate day) {
        return latest(localAuthority, day).or(() -> latest("*", day))
                .orElseThrow(() -> new NoSuchElementException("no audit programme for " + localAuthority));
    }

    public AuditProgramme byId(String id) {
        return programmes.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no audit programme " + id));
    }

    private Optional<AuditProgramme> latest(String localAuthority, LocalDate day) {
        return programmes.stream().filter(p -> p.localAuthority().equals(localAuthority))
                .filter(p -> !p.effectiveFrom().isAfter(day)).max(Comparator.comparing(AuditProgramme::effectiveFrom));
    }
}
