package uk.caseqa.moderation.application;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.moderation.domain.Candidate;
import uk.caseqa.moderation.domain.ModerationProfile;

/** The council's moderators under its profile, each with how many moderations they hold open. */
@Component
class ModeratorPool {

    private final StaffReadModel staff;
    private final Moderations moderations;

    ModeratorPool(StaffReadModel staff, Moderations moderations) {
        this.staff = staff;
        this.moderations = moderations;
    }

    List<Candidate> of(String localAuthority, ModerationProfile profile) {
        List<String> ids = staff.withRoles(localAuthority, profile.moderatorRoles()).stream()
                .map(StaffReadModel.Staff::staffId).toList();
        Map<String, Long> load = moderations.openCounts(localAuthority, ids);
        return ids.stream().map(id -> new Candidate(id, load.getOrDefault(id, 0L))).toList();
    }
}
