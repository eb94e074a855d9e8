package uk.caseqa.audit.domain;

import java.time.Instant;

/** A case in the registry, with when it opened and whether it is still open. */
public record RegisteredCase(CaseRecord record, Instant openedAt, boolean open) {
}
