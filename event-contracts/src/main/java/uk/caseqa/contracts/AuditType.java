package uk.caseqa.contracts;

/**
 * The kinds of audit the councils' frameworks name (000 §2.4, §5; 001 §6.1; 002 §7; 003; 004 ¶29-35), each with its
 * own template. On the wire as the constant's name; an unknown name is refused, not read as a full audit.
 */
public enum AuditType {
    /** The monthly (Bolton: six-weekly) case-file audit, alongside the social worker, with family feedback. */
    FULL,
    /** A short re-audit after an Inadequate or Requires Improvement grade. */
    SHORT,
    /** A manager's dip sample of case files on a theme the QA team sets (001 §6.1.2; 004 dip-sample-3 rule). */
    DIP_SAMPLE,
    /** One of the annual audit plan's thematic audits (001 §6.1.3). */
    THEMATIC,
    /** An audit of a worker's whole caseload, when their dip sample shows the same concerns (004 dip-sample-3 rule). */
    CASELOAD,
    /** An audit with partner agencies (003, 001 §6.1.5). */
    MULTI_AGENCY,
    /** An observation of practice: a visit, a conference or a review meeting (001 §6.1.2, 003). */
    PRACTICE_OBSERVATION,
    /** An ad-hoc or deep-dive audit, started by a change in performance data (001 §6.1.4, 003). */
    AD_HOC,
    /** An Early Help audit, with the Early Help audit tool (000 §5). */
    EARLY_HELP,
    /** An audit done by a senior leader alongside a practitioner in practice week (000, 001, 003, 004). */
    PRACTICE_WEEK,
    /** An audit of the supervision a practitioner receives (003: managers ensure supervision audits are undertaken). */
    SUPERVISION;

    /**
     * Whether moderation-service moderates audits of this type (case-file audits, and Early Help audits: "the audit and
     * moderation", 000 §5); their grades reach other services as moderation's grade events, not the audit's own.
     */
    public boolean moderated() {
        return this == FULL || this == EARLY_HELP;
    }

    /** The type named, or FULL when none is named (schema 1 events before the field existed). */
    public static AuditType orFull(AuditType type) {
        return type == null ? FULL : type;
    }
}
