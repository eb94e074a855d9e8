package uk.caseqa.messaging.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: a JWT signed by the configured issuer's keys, for the configured
 * audience, unexpired, naming a council served here; the caller's staff id, council and roles come from it alone.
 * Health, info and Prometheus metrics stay open for probes and scrapers (on the management port alone); other
 * actuator endpoints are for OPS; a service's API endpoints open to the
 * roles their {@link Allowed} names; every call by a signed-in caller is written to the {@link AttributionLog}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableWebSecurity
@Import({AttributionLogController.class, PageSignIn.class})
public class SecurityConfiguration {

    /** Where the caller's identity comes from: see docs/identity-providers.md. */
    public record Settings(String issuer, String jwkSetUri, String audience, CallerTokens.Claims claims,
            List<String> publicPaths, List<String> queryTokenPaths, List<String> allowedOrigins) {
    }

    /**
     * What a browser may load on our pages: only from the service itself (scripts, fonts, connections), styles
     * inline too (chart and API-docs libraries set them), never framed by another site.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** Read once: the token checks, the caller mapping and the filter chains all take it. */
    @Bean
    Settings caseqaSecuritySettings(Environment environment) {
        Binder binder = Binder.get(environment);
        String prefix = "caseqa.security.";
        return new Settings(environment.getRequiredProperty(prefix + "issuer"),
                environment.getRequiredProperty(prefix + "jwk-set-uri"),
                environment.getRequiredProperty(prefix + "audience"),
                new CallerTokens.Claims(environment.getProperty(prefix + "claims.staff-id", "staff_id"),
                        environment.getProperty(prefix + "claims.council", "council"),
                        environment.getProperty(prefix + "claims.roles", "roles")),
                binder.bind(prefix + "public-paths", Bindable.listOf(String.class)).orElse(List.of()),
                binder.bind(prefix + "query-token-paths", Bindable.listOf(String.class)).orElse(List.of()),
                binder.bind(prefix + "cors.allowed-origins", Bindable.listOf(String.class)).orElse(List.of()));
    }

    @Bean
    CallerTokens callerTokens(Environment environment, Settings settings) {
        List<String> councils = Binder.get(environment).bind("caseqa.councils", Bindable.listOf(String.class))
                .orElse(List.of());
        return new CallerTokens(settings.claims(), councils);
    }

    @Bean
    JwtDecoder jwtDecoder(Settings settings, CallerTokens tokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), (Jwt jwt) -> {
                    List<String> audience = jwt.getAudience();
                    return audience != null && audience.contains(settings.audience())
                            ? OAuth2TokenValidatorResult.success()
                            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                    "the token is not for audience " + settings.audience(), null));
                }, tokens.councilValidator());
        decoder.setJwtValidator(validator);
        return new CheckedTokens(decoder, validator);
    }

    @Bean
    SecurityFilterChain caseqaSecurity(HttpSecurity http, Settings settings, CallerTokens tokens,
            JsonMapper json) throws Exception {
        List<String> publicPaths = settings.publicPaths();
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        http.authorizeHttpRequests(requests -> {
            // probes and the Prometheus scraper: served on the management port alone, which stays inside the cluster;
            // metrics carry identifiers of services, topics and statuses, never of a case or a person
            requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                    "/actuator/prometheus").permitAll();
            requests.requestMatchers("/actuator/**").hasRole(AccessRole.OPS.name());
            requests.requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                    "/swagger-ui.html").permitAll();
            if (!publicPaths.isEmpty()) {
                requests.requestMatchers(publicPaths.toArray(String[]::new)).permitAll();
            }
            requests.anyRequest().authenticated();
        });
        DefaultBearerTokenResolver inHeader = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver inHeaderOrQuery = new DefaultBearerTokenResolver();
        inHeaderOrQuery.setAllowUriQueryParameter(true);
        List<String> queryTokenPaths = settings.queryTokenPaths();
        http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                .bearerTokenResolver(request -> queryTokenPaths.contains(request.getRequestURI())
                        ? inHeaderOrQuery.resolve(request) : inHeader.resolve(request))
                .authenticationEntryPoint((request, response, e) -> {
                    bearer.commence(request, response, e);
                    problem(response, json, HttpStatus.UNAUTHORIZED, "Sign in first",
                            "a valid bearer token from the council's identity provider is required");
                })
                .accessDeniedHandler((request, response, e) -> {
                    denied.handle(request, response, e);
                    problem(response, json, HttpStatus.FORBIDDEN, "Not yours to do", e.getMessage());
                }));
        http.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                problem(response, json, HttpStatus.FORBIDDEN, "Not yours to do", e.getMessage())));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        // another site's page may call us only from an origin named in caseqa.security.cors.allowed-origins (none by
        // default): its preflight is refused otherwise
        browserRules(http, settings);
        // bearer tokens in a header, never cookies: no cross-site request can carry them
        http.csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** What browsers are told on every response, the API's and the pages' alike: CORS, CSP, framing, referrer. */
    static void browserRules(HttpSecurity http, Settings settings) throws Exception {
        http.cors(cors -> cors.configurationSource(cors(settings.allowedOrigins())));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .NO_REFERRER))
                .frameOptions(frame -> frame.deny()));
    }

    private static org.springframework.web.cors.CorsConfigurationSource cors(List<String> allowedOrigins) {
        org.springframework.web.cors.UrlBasedCorsConfigurationSource source =
                new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            org.springframework.web.cors.CorsConfiguration allowed = new org.springframework.web.cors.CorsConfiguration();
            allowed.setAllowedOrigins(allowedOrigins);
            allowed.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Correlation-Id"));
            allowed.setExposedHeaders(List.of("X-Correlation-Id", "Location"));
            allowed.setAllowCredentials(false);
            allowed.setMaxAge(java.time.Duration.ofHours(1));
            source.registerCorsConfiguration("/**", allowed);
        }
        return source;
    }

    static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String title,
            String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem));
    }

    @Bean
    AttributionLog attributionLog(MongoTemplate mongo, Clock clock) {
        return new AttributionLog(mongo, clock);
    }

    @Bean
    WebMvcConfigurer callerAndAccessRules(CallerTokens tokens, AttributionLog attribution) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(tokens));
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // attribution first: its afterCompletion also sees the calls the access rules refuse
                registry.addInterceptor(new AttributionInterceptor(attribution, tokens));
                registry.addInterceptor(new AllowedInterceptor(tokens));
            }
        };
    }
}
