package uk.caseqa.audit.application;

import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.messaging.staff.StaffReadModel;

/** Use case: keep the case and staff registry from the operational systems' events; redeliveries change nothing. */
@Service
public class RecordingTheRegistry {

    private final CaseRegistry cases;
    private final StaffReadModel staff;

    public RecordingTheRegistry(CaseRegistry cases, StaffReadModel staff) {
        this.cases = cases;
        this.staff = staff;
    }

    public boolean caseOpened(EventEnvelope<CaseOpened> event) {
        return cases.record(CaseRecord.opened(event.localAuthority(), event.data()), event.time(), event.id());
    }

    public boolean staffMemberRegistered(EventEnvelope<StaffMemberRegistered> event) {
        return staff.record(event);
    }
}
