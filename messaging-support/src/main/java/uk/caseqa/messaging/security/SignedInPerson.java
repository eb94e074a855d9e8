package uk.caseqa.messaging.security;

import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A person signed in to a service's pages: the access token the identity provider gave at sign-in, checked as an API
 * call's bearer token is, so a page and an API call see the same {@link Caller}. Held in the person's session on the
 * replica they signed in on, until the token expires.
 */
public record SignedInPerson(Jwt token, Collection<? extends GrantedAuthority> authorities, String staffId)
        implements OAuth2User, java.io.Serializable {

    @Override
    public Map<String, Object> getAttributes() {
        return token.getClaims();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getName() {
        return staffId;
    }

    /** The token has expired (or expires within the clock skew): the person signs in again. */
    public boolean expired(java.time.Instant now) {
        return token.getExpiresAt() != null && !token.getExpiresAt().isAfter(now);
    }
}
