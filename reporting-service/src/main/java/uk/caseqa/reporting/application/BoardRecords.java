package uk.caseqa.reporting.application;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import uk.caseqa.reporting.domain.AuditRecord;
import uk.caseqa.reporting.domain.ConcernRecord;
import uk.caseqa.reporting.domain.FollowUpRecord;

/**
 * Port: the records boards are counted from, one per audit, case of concern and follow-up of each council. The
 * changes to one record are one version-checked write of it; a record whose figures may have moved is left {@code dirty}, with the
 * dates that place it in periods, until the board has been counted again.
 */
public interface BoardRecords {

    /** One change of one record of a council; a batch of them is applied together ({@link #changeAll}). */
    sealed interface Change permits AuditChange, ConcernChange, FollowUpChange {
        String localAuthority();

        String id();

        /** Count the record again even if the change leaves it as it was (an overdue clock, for one). */
        boolean recountAnyway();
    }

    record AuditChange(String localAuthority, String id, UnaryOperator<AuditRecord> change, boolean recountAnyway)
            implements Change {
    }

    record ConcernChange(String localAuthority, String id, UnaryOperator<ConcernRecord> change, boolean recountAnyway)
            implements Change {
    }

    record FollowUpChange(String localAuthority, String id, UnaryOperator<FollowUpRecord> change)
            implements Change {
        @Override
        public boolean recountAnyway() {
            return false;
        }
    }

    /**
     * Applies the changes, in order, each to its record (created empty if new): all changes of one record in one
     * version-checked write, and all records in as few round trips to the store as it allows. Every change is
     * idempotent, so a batch applied again (a redelivery after a crash) changes nothing more.
     */
    void changeAll(List<Change> changes);

    /** Up to {@code limit} records waiting to be counted. */
    List<Dirty> dirty(int limit);

    /** Marks the record counted, unless it changed since it was read as dirty. */
    void counted(Dirty dirty);

    /** Every record of one council. */
    CouncilRecords load(String localAuthority);

    /** Forgets every record (before a rebuild from offset zero). */
    void deleteAll();

    /** A record waiting to be counted: its council, the dates that place it in periods, and its version. */
    record Dirty(String documentId, String localAuthority, List<Instant> periodDates, long version) {
    }

    /** One council's records. */
    record CouncilRecords(List<AuditRecord> audits, List<ConcernRecord> concerns, List<FollowUpRecord> followUps) {
    }
}
