package uk.caseqa.audit.application;

import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.StaffMember;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffMemberRegistered;

/** Use case: keep the case and staff registry from the operational systems' events; redeliveries change nothing. */
@Service
public class RecordingTheRegistry {

    private final CaseRegistry cases;
    private final StaffDirectory staff;

    public RecordingTheRegistry(CaseRegistry cases, StaffDirectory staff) {
        this.cases = cases;
        this.staff = staff;
    }

    public boolean caseOpened(EventEnvelope<CaseOpened> event) {
        return cases.record(CaseRecord.opened(event.localAuthority(), event.data()), event.id());
    }

    public boolean staffMemberRegistered(EventEnvelope<StaffMemberRegistered> event) {
        StaffMemberRegistered data = event.data();
        return staff.record(new StaffMember(data.staffId(), event.localAuthority(), data.role(), data.teamId()),
                event.id());
    }
}
