package uk.caseqa.audit.domain;

import java.time.LocalDate;

/** A case as the selection sees it: when it opened, whether it is open, and when it was last audited (if ever). */
public record CaseFile(CaseRecord record, LocalDate openedOn, boolean open, LocalDate lastAuditedOn) {
}
