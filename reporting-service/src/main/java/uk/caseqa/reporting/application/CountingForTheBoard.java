package uk.caseqa.reporting.application;

import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.reporting.domain.BoardFact;

/**
 * Use case: keep what boards count as facts about audits and cases of concern, and recount the aggregates they
 * touch. Each audit counts once, at its latest final grade, however often it is moderated or redelivered.
 */
@Service
public class CountingForTheBoard {

    private final BoardAggregates aggregates;

    public CountingForTheBoard(BoardAggregates aggregates) {
        this.aggregates = aggregates;
    }

    public void auditModerated(EventEnvelope<AuditModerated> event) {
        count(BoardFact.of(event.localAuthority(), event.data()));
    }

    public void caseOfConcernOpened(EventEnvelope<CaseOfConcernOpened> event) {
        count(BoardFact.of(event.localAuthority(), event.data()));
    }

    /** Without a team (optional in schema 1), the case of concern stays in the team it was opened under. */
    public void caseOfConcernClosed(EventEnvelope<CaseOfConcernClosed> event) {
        count(BoardFact.of(event.localAuthority(), event.data()));
    }

    /** Counted only when the event names the team (optional in schema 1). */
    public void caseOfConcernEscalated(EventEnvelope<CaseOfConcernEscalated> event) {
        if (event.data().teamId() != null) {
            count(BoardFact.of(event.localAuthority(), event.data()));
        }
    }

    private void count(BoardFact fact) {
        aggregates.keep(fact).forEach(aggregates::recount);
    }
}
