package uk.caseqa.concern.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.caseqa.concern.domain.CaseOfConcern;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** A case of concern; its id derives from the audit id, so a second one for the same audit cannot be inserted. */
record CaseOfConcernDocument(@Id String caseOfConcernId, String auditId, String localAuthority, String caseId,
        String serviceId, String teamId, String serviceManagerId, GradedBy gradedBy, Instant gradedAt,
        Instant openedAt, CaseOfConcern.Status status, List<Deadline> deadlines, Long version,
        List<OutboxEvent> outbox) {

    static CaseOfConcernDocument of(CaseOfConcern c) {
        return new CaseOfConcernDocument(c.caseOfConcernId(), c.auditId(), c.localAuthority(), c.caseId(),
                c.serviceId(), c.teamId(), c.serviceManagerId(), c.gradedBy(), c.gradedAt(), c.openedAt(), c.status(),
                c.deadlines(), c.version(), null);
    }

    CaseOfConcern toDomain() {
        return CaseOfConcern.restore(caseOfConcernId, auditId, localAuthority, caseId, serviceId, teamId,
                serviceManagerId, gradedBy, gradedAt, openedAt, status, deadlines, version);
    }
}
