package uk.caseqa.contracts;

/** A member of staff joined or changed role or team; {@code email} is their work address for alerts. */
public record StaffMemberRegistered(String staffId, StaffRole role, String teamId, String email)
        implements EventPayload {
    public StaffMemberRegistered {
        Require.text(staffId, "data.staffId");
        Require.present(role, "data.role");
        Require.text(email, "data.email");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidEventException("data.email is not an email address");
        }
    }
}
