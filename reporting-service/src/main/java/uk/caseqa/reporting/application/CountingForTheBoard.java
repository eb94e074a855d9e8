package uk.caseqa.reporting.application;

import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.reporting.domain.Tally;

/** Use case: move the board aggregates from the events, once per event. */
@Service
public class CountingForTheBoard {

    private final BoardAggregates aggregates;

    public CountingForTheBoard(BoardAggregates aggregates) {
        this.aggregates = aggregates;
    }

    public boolean auditModerated(EventEnvelope<AuditModerated> event) {
        return aggregates.count(Tally.of(event.localAuthority(), event.data()), event.id());
    }

    public boolean caseOfConcernOpened(EventEnvelope<CaseOfConcernOpened> event) {
        return aggregates.count(Tally.of(event.localAuthority(), event.data()), event.id());
    }

    /** Counted only when the event names the team (optional in schema 1). */
    public boolean caseOfConcernClosed(EventEnvelope<CaseOfConcernClosed> event) {
        return event.data().teamId() != null && aggregates.count(Tally.of(event.localAuthority(), event.data()), event.id());
    }

    public boolean caseOfConcernEscalated(EventEnvelope<CaseOfConcernEscalated> event) {
        return event.data().teamId() != null && aggregates.count(Tally.of(event.localAuthority(), event.data()), event.id());
    }
}
