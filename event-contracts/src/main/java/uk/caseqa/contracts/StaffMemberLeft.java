package uk.caseqa.contracts;

import java.time.Instant;

/** A member of staff left the council (or their post, with no new one yet): nobody routes work to them from now. */
public record StaffMemberLeft(String staffId, Instant leftAt) implements EventPayload {
    public StaffMemberLeft {
        Require.text(staffId, "data.staffId");
        Require.present(leftAt, "data.leftAt");
    }
}
