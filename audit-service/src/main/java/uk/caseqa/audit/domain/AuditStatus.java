package uk.caseqa.audit.domain;

/** Where an audit is in its lifecycle. */
public enum AuditStatus {
    ALLOCATED, COMPLETED, RETURNED, CLOSED
}
