package uk.caseqa.concern.adapter.out.persistence;

import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.application.StaffRoles;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.staff.StaffReadModel;

@Component
class StaffDirectoryRoles implements StaffRoles {

    private final StaffReadModel staff;

    StaffDirectoryRoles(StaffReadModel staff) {
        this.staff = staff;
    }

    @Override
    public Optional<StaffRole> roleOf(String staffId, String localAuthority) {
        return staff.find(localAuthority, staffId).map(StaffReadModel.Staff::role);
    }

    @Override
    public Optional<Placement> placementOf(String staffId, String localAuthority) {
        return staff.find(localAuthority, staffId).filter(StaffReadModel.Staff::inPost)
                .map(s -> new Placement(s.serviceId(), s.teamId()));
    }
}
