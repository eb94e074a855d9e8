package uk.caseqa.messaging.security;

import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Who is calling, as their token says: never a header anyone can set. {@code staffId} is the person's id in their
 * council's systems (for a machine client, its client id); {@code council} the only council whose records they see.
 */
public record Caller(String staffId, String council, Set<AccessRole> roles, Set<String> scopes) {

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public boolean has(AccessRole role) {
        return roles.contains(role);
    }

    /** The record's council must be the caller's: another council's record is "not found" (404), never shown. */
    public void mustSee(String recordCouncil, String what) {
        if (!council.equals(recordCouncil)) {
            throw new NoSuchElementException("no " + what);
        }
    }

    /** A council named in a request (a parameter or body field): absent means the caller's own; another is refused. */
    public String councilOr(String named) {
        if (named == null || named.isBlank()) {
            return council;
        }
        if (!council.equals(named)) {
            throw new NoSuchElementException("no council " + named + " for this caller");
        }
        return named;
    }
}
