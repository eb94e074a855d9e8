package uk.caseqa.notification.application;

/**
 * Port: of several replicas, one gathers digests at a time, so that one person's routine items are never split
 * between two digests gathered at the same moment.
 */
public interface GatheringLease {

    /** Runs {@code work} while this replica holds the lease, and releases it; false, without running it, if another does. */
    boolean runIfFree(Runnable work);
}
