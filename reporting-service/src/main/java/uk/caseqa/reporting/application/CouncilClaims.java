package uk.caseqa.reporting.application;

/** Port: a lease on counting one council's board, so two replicas never count and publish it at once. */
public interface CouncilClaims {

    /** True if this replica now holds the council (for a lease longer than any count takes). */
    boolean claim(String localAuthority);

    void release(String localAuthority);
}
