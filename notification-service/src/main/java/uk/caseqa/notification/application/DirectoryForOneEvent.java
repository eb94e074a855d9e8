package uk.caseqa.notification.application;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.messaging.staff.StaffReadModel.Staff;

/**
 * The council's staff directory as one event sees it: each member of staff, and the holders of each post, read once.
 * An event names the same people several times (to find who is told, to greet each of them, to name the auditor or
 * the service manager in each message): read once, they cost the store one query each instead of one per mention
 * (docs/performance.md). Made for one event and dropped after it, so what the directory says next is read again.
 */
final class DirectoryForOneEvent {

    private final StaffReadModel staff;
    private final String council;
    private final Map<String, Optional<Staff>> people = new HashMap<>();
    private final Map<StaffRole, List<Staff>> posts = new EnumMap<>(StaffRole.class);

    DirectoryForOneEvent(StaffReadModel staff, String council) {
        this.staff = staff;
        this.council = council;
    }

    String council() {
        return council;
    }

    /** The council's member of staff with this id, in post or not. */
    Optional<Staff> find(String staffId) {
        return people.computeIfAbsent(staffId, id -> staff.find(council, id));
    }

    /** Those in post in the role; each of them is then known by id too, as {@link #find} would read them. */
    List<Staff> holders(StaffRole post) {
        return posts.computeIfAbsent(post, role -> {
            List<Staff> found = staff.withRoles(council, List.of(role));
            found.forEach(person -> people.putIfAbsent(person.staffId(), Optional.of(person)));
            return found;
        });
    }

    /** The name a member of staff is greeted and named by: {@link Staff#greeting()}, or their id when not known. */
    String greeting(String staffId) {
        return find(staffId).map(Staff::greeting).orElse(staffId);
    }
}
