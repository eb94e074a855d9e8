package uk.caseqa.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A person signed in to the pages stays signed in while the identity provider's token is valid, and not a moment
 * longer: on the first request after it expires their session ends, so the page sends them to sign in again.
 */
class ASignInEndsWhenItsTokenExpiresTest {

    static final Instant ISSUED = Instant.parse("2026-11-26T09:00:00Z");
    final CallerTokens tokens = new CallerTokens(CallerTokens.Claims.standard(), List.of("swindon"));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    MockHttpServletRequest signedInRequest(MockHttpSession session) {
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("staff-sm-1").claim("staff_id", "staff-sm-1")
                .claim("council", "swindon").claim("roles", List.of("SERVICE_MANAGER")).issuedAt(ISSUED)
                .expiresAt(ISSUED.plusSeconds(3600)).build();
        SignedInPerson person = tokens.signedIn(token);
        SecurityContextHolder.getContext().setAuthentication(
                new OAuth2AuthenticationToken(person, person.getAuthorities(), "caseqa"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/pages/cases-of-concern");
        request.setSession(session);
        return request;
    }

    @Test
    void theSessionLastsWhileTheTokenIsValid() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = signedInRequest(session);
        new PageSignIn.ExpiredSignIn(Clock.fixed(ISSUED.plusSeconds(3599), ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(tokens.callerOf(SecurityContextHolder.getContext().getAuthentication()))
                .isEqualTo(new Caller("staff-sm-1", "swindon", Set.of(AccessRole.SERVICE_MANAGER), Set.of()));
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void theFirstRequestAfterTheTokenExpiresEndsTheSession() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = signedInRequest(session);
        MockFilterChain chain = new MockFilterChain();
        new PageSignIn.ExpiredSignIn(Clock.fixed(ISSUED.plusSeconds(3600), ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(session.isInvalid()).isTrue();
        assertThat(chain.getRequest()).as("the request goes on, now signed out").isNotNull();
    }
}
