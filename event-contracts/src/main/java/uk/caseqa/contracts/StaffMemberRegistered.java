package uk.caseqa.contracts;

/**
 * A member of staff joined or changed post, role or team; {@code email} is their work address for alerts. Optional
 * since schema 1: the name they go by and their post, as emails greet them (staff names are fine; a child's or a
 * family's never are), and the service they work in (a head of service's area).
 */
public record StaffMemberRegistered(String staffId, StaffRole role, String teamId, String email, String displayName,
        String post, String serviceId) implements EventPayload {
    /** What {@code email} must look like: something, an at sign, a domain with a dot. */
    public static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    public StaffMemberRegistered {
        Require.text(staffId, "data.staffId");
        Require.present(role, "data.role");
        Require.text(email, "data.email");
        if (!email.matches(EMAIL)) {
            throw new InvalidEventException("data.email is not an email address");
        }
        if (displayName != null && displayName.length() > 200) {
            throw new InvalidEventException("data.displayName is longer than 200 characters");
        }
        if (post != null && post.length() > 200) {
            throw new InvalidEventException("data.post is longer than 200 characters");
        }
    }

    /** Without the optional name, post and service. */
    public StaffMemberRegistered(String staffId, StaffRole role, String teamId, String email) {
        this(staffId, role, teamId, email, null, null, null);
    }
}
