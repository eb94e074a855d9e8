package uk.caseqa.concern.application;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import uk.caseqa.concern.domain.CaseOfConcern;
import uk.caseqa.concern.domain.ConcernPolicy;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.messaging.outbox.EventFactory;

/** Use case: an Inadequate grade opens a case of concern, once per audit, with its deadlines. */
@Service
public class OpeningCasesOfConcern {

    private final CasesOfConcern casesOfConcern;
    private final EventFactory events;
    private final Clock clock;
    private final ConcernPolicy policy;

    public OpeningCasesOfConcern(CasesOfConcern casesOfConcern, EventFactory events, Clock clock,
            @Value("${caseqa.concern.safety-plan-hours:24}") int safetyPlanHours,
            @Value("${caseqa.concern.re-audit-weeks:6}") int reAuditWeeks) {
        this.casesOfConcern = casesOfConcern;
        this.events = events;
        this.clock = clock;
        this.policy = new ConcernPolicy(safetyPlanHours, reAuditWeeks);
    }

    /** False when this audit's case of concern was already open (a duplicate or a second Inadequate grade). */
    public boolean gradeInadequate(EventEnvelope<GradeInadequate> event) {
        if (casesOfConcern.find(CaseOfConcern.idFor(event.data().auditId())).isPresent()) {
            return false;
        }
        CaseOfConcern opened = CaseOfConcern.open(event.localAuthority(), event.data(), policy, clock.instant());
        return casesOfConcern.insertIfAbsent(opened, opened.raised().stream()
                .map(e -> events.outboxEvent(opened.caseOfConcernId(), opened.localAuthority(), e)).toList());
    }
}
