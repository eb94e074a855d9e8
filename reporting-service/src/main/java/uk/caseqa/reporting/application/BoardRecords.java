package uk.caseqa.reporting.application;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import uk.caseqa.reporting.domain.AuditRecord;
import uk.caseqa.reporting.domain.ConcernRecord;
import uk.caseqa.reporting.domain.FollowUpRecord;

/**
 * Port: the records boards are counted from, one per audit, case of concern and follow-up of each council. A change
 * is one version-checked write of one record; a record whose figures may have moved is left {@code dirty}, with the
 * dates that place it in periods, until the board has been counted again.
 */
public interface BoardRecords {

    /** Applies the change to the council's audit record (created empty if new); recount also when unchanged if asked. */
    void changeAudit(String localAuthority, String auditId, UnaryOperator<AuditRecord> change, boolean recountAnyway);

    void changeConcern(String localAuthority, String caseOfConcernId, UnaryOperator<ConcernRecord> change,
            boolean recountAnyway);

    void changeFollowUp(String localAuthority, String followUpId, UnaryOperator<FollowUpRecord> change);

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
