package uk.caseqa.messaging.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * How a token names its caller: the claims are configurable ({@code caseqa.security.claims.*}) so that a council's
 * own identity provider (Entra ID, Keycloak) can be used as it is. A token without a council this deployment serves
 * is not valid here at all (401), so nothing downstream has to ask.
 */
public final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Claim names: the staff id (falls back to {@code sub}), the council, the roles (a list or a string). */
    public record Claims(String staffId, String council, String roles) {
        public static Claims standard() {
            return new Claims("staff_id", "council", "roles");
        }
    }

    private final Claims claims;
    private final Set<String> councils;

    public CallerTokens(Claims claims, Collection<String> councils) {
        this.claims = claims;
        this.councils = Set.copyOf(councils);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        scopes(jwt).forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return new JwtAuthenticationToken(jwt, authorities, staffId(jwt));
    }

    /**
     * The caller of an authenticated request: by a bearer token, or a person signed in to the pages (whose token
     * is the same kind); null otherwise.
     */
    public Caller callerOf(Authentication authentication) {
        Jwt jwt;
        if (authentication instanceof JwtAuthenticationToken token) {
            jwt = token.getToken();
        } else if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            jwt = person.token();
        } else {
            return null;
        }
        return new Caller(staffId(jwt), jwt.getClaimAsString(claims.council()), roles(jwt), scopes(jwt));
    }

    /** A person signed in to the pages with this access token, already checked by the service's decoder. */
    public SignedInPerson signedIn(Jwt jwt) {
        return new SignedInPerson(jwt, convert(jwt).getAuthorities(), staffId(jwt));
    }

    /**
     * Refuses a token whose council is missing or not one this deployment serves, and a token that carries a
     * person's roles without naming the person (a misconfigured claim must not make a client id a member of staff).
     */
    public OAuth2TokenValidator<Jwt> councilValidator() {
        return jwt -> {
            String council = jwt.getClaimAsString(claims.council());
            if (council == null || !councils.contains(council)) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token's '" + claims.council() + "' claim names no council served here", null));
            }
            String staffId = jwt.getClaimAsString(claims.staffId());
            if (!roles(jwt).isEmpty() && (staffId == null || staffId.isBlank())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token carries roles but no '" + claims.staffId() + "' claim naming the person", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private String staffId(Jwt jwt) {
        String staffId = jwt.getClaimAsString(claims.staffId());
        return staffId == null || staffId.isBlank() ? jwt.getSubject() : staffId;
    }

    private Set<AccessRole> roles(Jwt jwt) {
        Object value = jwt.getClaims().get(claims.roles());
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String s ? Arrays.asList(s.split("[ ,]+")) : List.of();
        Set<AccessRole> roles = new LinkedHashSet<>();
        for (Object name : names) {
            Arrays.stream(AccessRole.values()).filter(r -> r.name().equalsIgnoreCase(String.valueOf(name).trim()))
                    .findFirst().ifPresent(roles::add);
        }
        return roles;
    }

    /** A machine client's scopes: a person's token (one naming a staff id) acts by its roles alone. */
    private Set<String> scopes(Jwt jwt) {
        String staffId = jwt.getClaimAsString(claims.staffId());
        if (staffId != null && !staffId.isBlank()) {
            return Set.of();
        }
        Object value = jwt.getClaims().containsKey("scope") ? jwt.getClaims().get("scope") : jwt.getClaims().get("scp");
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String s && !s.isBlank() ? Arrays.asList(s.split(" ")) : List.of();
        Set<String> scopes = new LinkedHashSet<>();
        names.forEach(n -> scopes.add(String.valueOf(n)));
        return scopes;
    }
}
