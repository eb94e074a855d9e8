package uk.caseqa.messaging.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages people act on ({@code /pages/**}) are signed in to through the council's identity provider: the
 * authorization-code flow (with PKCE) of the pages' client, {@code caseqa.security.pages.*}. The access token it
 * gives is checked as an API call's bearer token is, and the person is who it names; they stay signed in, in a
 * session of the replica they signed in on (its cookie named for the service), until that token expires. A page may
 * also be called with a bearer token, as the API is. Forms carry a CSRF token; a request with a bearer token needs
 * none (no other site can make a browser send one). Without a pages client configured, pages take bearer tokens only.
 */
@Configuration(proxyBeanMethods = false)
class PageSignIn {

    static final String REGISTRATION = "caseqa";
    /**
     * Where the pages live, the sign-in flow's own paths, and the downloads a page links to (a tracker's workbook):
     * a signed-in person opens those as a bearer token's holder does.
     */
    static final String[] PATHS = {"/pages/**", "/oauth2/authorization/**", "/login/oauth2/code/**", "/sign-out",
            "/webjars/**", "/caseqa-pages/**", "/*.xlsx"};
    static final String[] OPEN = {"/pages/signed-out", "/pages/sign-in-refused", "/webjars/**", "/caseqa-pages/**"};

    /** The pages' client at the identity provider; empty when none is configured. */
    record PagesClient(Optional<ClientRegistration> registration) {
    }

    @Bean
    PagesClient caseqaPagesClient(Environment environment) {
        String prefix = "caseqa.security.pages.";
        String clientId = environment.getProperty(prefix + "client-id", "");
        if (clientId.isBlank()) {
            return new PagesClient(Optional.empty());
        }
        String scopes = environment.getProperty(prefix + "scopes", "");
        ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(environment.getRequiredProperty(prefix + "client-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(environment.getRequiredProperty(prefix + "authorization-uri"))
                .tokenUri(environment.getRequiredProperty(prefix + "token-uri"))
                .clientName("the council's sign-in");
        if (!scopes.isBlank()) {
            registration.scope(Arrays.asList(scopes.split("[ ,]+")));
        }
        return new PagesClient(Optional.of(registration.build()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain caseqaPages(HttpSecurity http, SecurityConfiguration.Settings settings, CallerTokens tokens,
            JwtDecoder decoder, PagesClient client, JsonMapper json) throws Exception {
        http.securityMatcher(PATHS);
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(OPEN).permitAll();
            requests.anyRequest().authenticated();
        });
        http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                .authenticationEntryPoint((request, response, e) -> SecurityConfiguration.problem(response, json,
                        HttpStatus.UNAUTHORIZED, "Sign in first", "a valid bearer token is required")));
        http.exceptionHandling(handling -> {
            if (client.registration().isPresent()) {
                MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
                browser.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
                handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION), browser);
            }
            handling.defaultAuthenticationEntryPointFor((request, response, e) -> SecurityConfiguration.problem(
                    response, json, HttpStatus.UNAUTHORIZED, "Sign in first",
                    "sign in to the pages, or send a valid bearer token"), AnyRequestMatcher.INSTANCE);
            handling.accessDeniedHandler((request, response, e) -> {
                var who = SecurityContextHolder.getContext().getAuthentication();
                if (e instanceof org.springframework.security.web.csrf.CsrfException
                        && (who == null || !who.isAuthenticated()
                        || who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)) {
                    // a form sent by nobody signed in: sign in first, whatever else is missing
                    SecurityConfiguration.problem(response, json, HttpStatus.UNAUTHORIZED, "Sign in first",
                            "sign in to the pages, or send a valid bearer token");
                } else if (e instanceof org.springframework.security.web.csrf.CsrfException) {
                    SecurityConfiguration.problem(response, json, HttpStatus.FORBIDDEN, "The form has expired",
                            "open the page again and resubmit the form");
                } else {
                    SecurityConfiguration.problem(response, json, HttpStatus.FORBIDDEN, "Not yours to do",
                            e.getMessage());
                }
            });
        });
        if (client.registration().isPresent()) {
            http.oauth2Login(login -> login
                    .clientRegistrationRepository(new InMemoryClientRegistrationRepository(
                            client.registration().get()))
                    .loginPage("/oauth2/authorization/" + REGISTRATION)
                    .userInfoEndpoint(user -> user.userService(signedIn(decoder, tokens)))
                    .defaultSuccessUrl("/pages/signed-in")
                    .failureUrl("/pages/sign-in-refused"));
        }
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        // the token's expiry is real time, as the decoder checks it: never the service's (rehearsal or test) clock
        http.addFilterBefore(new ExpiredSignIn(Clock.systemUTC()), AuthorizationFilter.class);
        http.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/pages/signed-out"));
        // a form needs its CSRF token; a call with a bearer token in its header needs none
        http.csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
            String authorization = request.getHeader("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        }));
        SecurityConfiguration.browserRules(http, settings);
        return http.build();
    }

    /** The person is who the access token names, once it passes every check an API call's token passes. */
    private static OAuth2UserService<OAuth2UserRequest, OAuth2User> signedIn(JwtDecoder decoder,
            CallerTokens tokens) {
        return request -> {
            try {
                return tokens.signedIn(decoder.decode(request.getAccessToken().getTokenValue()));
            } catch (JwtException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
                        "the identity provider's token is not valid here: " + e.getMessage(), null), e);
            }
        };
    }

    /** A person whose token has expired signs in again: their session ends and the page sends them to sign in. */
    static final class ExpiredSignIn extends OncePerRequestFilter {
        private final Clock clock;

        ExpiredSignIn(Clock clock) {
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person
                    && person.expired(clock.instant())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
