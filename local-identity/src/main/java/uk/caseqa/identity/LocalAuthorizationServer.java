package uk.caseqa.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The embedded run's identity provider: Spring Authorization Server, issuing the signed JWTs the services check, as a
 * council's Entra ID or Keycloak would. Every council has demo people of each role (and a dashboard machine client);
 * each gets a token with client credentials, {@code curl -u swindon-qa:demo -d grant_type=client_credentials
 * http://localhost:9000/oauth2/token}, carrying their staff id, council and roles; or signs in on its page in a
 * browser (user name {@code <council>-<role>}, password {@code demo}) when a service's pages send them here (the
 * authorization-code flow of the pages' client {@link #PAGES_CLIENT}). The signing key is made at each start: tokens
 * from an earlier run are refused.
 */
public final class LocalAuthorizationServer implements AutoCloseable, Bearers {

    public static final int PORT = 9000;
    /** The demo clients' secret: the embedded run only, printed by the launcher. */
    public static final String SECRET = "demo";
    public static final String AUDIENCE = "caseqa";
    /** The client the services' pages sign people in with (authorization code, secret {@link #SECRET}). */
    public static final String PAGES_CLIENT = "caseqa-pages";
    /** Where a service's pages receive the person back after sign-in, under its base URL. */
    public static final String SIGNED_IN_PATH = "/login/oauth2/code/caseqa";
    static final List<String> COUNCILS = List.of("swindon", "bolton", "telford-and-wrekin", "wandsworth");

    /** A demo person: the client id they get a token with, their staff id in the council and their roles. */
    public record DemoPerson(String role, String staffId, List<String> roles, String what) {
        public String clientId(String council) {
            return council + "-" + role;
        }
    }

    /** The same people in every council, with the staff ids of the demo journey's staff. */
    public static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("qa", "staff-qa-demo", List.of("QA_TEAM", "PANEL_MEMBER", "MODERATOR"),
                    "QA manager: allocates, runs cycles and panels, moderates where the profile says"),
            new DemoPerson("auditor", "staff-tm-demo", List.of("AUDITOR", "TEAM_MANAGER"),
                    "team manager who audits"),
            new DemoPerson("head-of-service", "staff-hos-demo",
                    List.of("MODERATOR", "SERVICE_MANAGER", "PANEL_MEMBER"), "head of service: moderates, sits on"
                            + " the panel"),
            new DemoPerson("service-manager", "staff-sm-demo", List.of("SERVICE_MANAGER"),
                    "service manager: records safety plans"),
            new DemoPerson("iro", "staff-iro-demo", List.of("IRO"), "IRO / CP chair: comments"),
            new DemoPerson("board", "board-reader-demo", List.of("BOARD_READER"), "board member: aggregates only"),
            new DemoPerson("ig", "ig-demo", List.of("INFORMATION_GOVERNANCE"), "information governance: the"
                    + " attribution log"),
            new DemoPerson("ops", "ops-demo", List.of("OPS"), "operations: actuator details"));

    private final ConfigurableApplicationContext context;
    private final Map<String, Token> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private record Token(String value, java.time.Instant until) {
    }

    private LocalAuthorizationServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts on {@code port} (0: any free one), issuing as {@code http://localhost:<port>}, in a JVM that also runs
     * the services: the first context started names every log line of the JVM, so it names the platform.
     */
    public static LocalAuthorizationServer start(int port) {
        return start(port, "caseqa-platform");
    }

    /** As {@link #start(int)}, its log lines named {@code name} (alone in its JVM: the identity container). */
    public static LocalAuthorizationServer start(int port, String name) {
        return new LocalAuthorizationServer(new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of("server.port", port, "spring.main.banner-mode", "off",
                        "spring.application.name", name,
                        // its own cookie: every service on localhost has its own too (a cookie ignores the port)
                        "server.servlet.session.cookie.name", "CASEQA_IDENTITY_SESSION",
                        // a name no service's configuration file has: this context reads none of theirs
                        "spring.config.name", "local-authorization-server"))
                .run());
    }

    /**
     * Lets the pages of a service at {@code baseUrl} (e.g. {@code http://localhost:8083}) sign people in here:
     * the embedded run's services are allowed from the start; a test's service on a free port is added.
     */
    public void allowSignInAt(String baseUrl) {
        RegisteredClientRepository clients = context.getBean(RegisteredClientRepository.class);
        RegisteredClient pages = clients.findByClientId(PAGES_CLIENT);
        String redirect = baseUrl + SIGNED_IN_PATH;
        if (!pages.getRedirectUris().contains(redirect)) {
            clients.save(RegisteredClient.from(pages).redirectUri(redirect).build());
        }
    }

    /** The services' page sign-in properties ({@code caseqa.security.pages.*}) for this server. */
    public Map<String, Object> pagesProperties() {
        return Map.of("caseqa.security.pages.client-id", PAGES_CLIENT,
                "caseqa.security.pages.client-secret", SECRET,
                "caseqa.security.pages.authorization-uri", issuer() + "/oauth2/authorize",
                "caseqa.security.pages.token-uri", issuer() + "/oauth2/token");
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String issuer() {
        return "http://localhost:" + port();
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** The services' {@code caseqa.security.*} properties for this issuer. */
    public Map<String, Object> serviceProperties() {
        return Map.of("caseqa.security.issuer", issuer(), "caseqa.security.jwk-set-uri", jwkSetUri(),
                "caseqa.security.audience", AUDIENCE);
    }

    /** How a person gets a token: a curl command. */
    public String howToGetAToken(String council, String role) {
        return "curl -s -u " + council + "-" + role + ":" + SECRET + " -d grant_type=client_credentials "
                + issuer() + "/oauth2/token";
    }

    /**
     * A token from this server for a person of a council with these roles, by client credentials over HTTP: a demo
     * person's own client, or (for tests and scripted demos) a client registered for them now. Kept until it is
     * about to expire.
     */
    @Override
    public String of(String council, String staffId, String... roles) {
        String clientId = PEOPLE.stream().filter(p -> p.staffId().equals(staffId)
                        && new java.util.HashSet<>(p.roles()).equals(new java.util.HashSet<>(List.of(roles))))
                .findFirst().map(p -> p.clientId(council))
                .orElseGet(() -> register(council, staffId, List.of(roles)));
        Token token = tokens.compute(clientId, (id, held) -> held != null
                && held.until().isAfter(java.time.Instant.now().plusSeconds(60)) ? held : fetch(id));
        return "Bearer " + token.value();
    }

    private String register(String council, String staffId, List<String> roles) {
        // only characters that read the same form-url-decoded, as the token endpoint reads a client id
        String clientId = council + "." + staffId + "." + String.join("-", roles.stream().sorted().toList());
        RegisteredClientRepository clients = context.getBean(RegisteredClientRepository.class);
        if (clients.findByClientId(clientId) == null) {
            clients.save(Server.client(clientId, Server.HOUR, ClientSettings.builder().setting("caseqa.council", council)
                    .setting("caseqa.staff-id", staffId).setting("caseqa.roles", roles).build(), List.of()));
        }
        return clientId;
    }

    @SuppressWarnings("unchecked")
    private Token fetch(String clientId) {
        Map<String, Object> answer = org.springframework.web.client.RestClient.create(issuer()).post()
                .uri("/oauth2/token").headers(h -> h.setBasicAuth(clientId, SECRET))
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials").retrieve().body(Map.class);
        return new Token((String) answer.get("access_token"),
                java.time.Instant.now().plusSeconds(((Number) answer.get("expires_in")).longValue()));
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    // only what an authorization server needs: the launcher's classpath also holds the services' auto-configuration
    @ImportAutoConfiguration({
            org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
            org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
            org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
            org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class})
    static class Server {

        /** The protocol's endpoints; a browser not signed in yet is sent to the sign-in page. */
        @Bean
        @org.springframework.core.annotation.Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            var protocol = new org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization
                    .OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(protocol.getEndpointsMatcher()).with(protocol, Customizer.withDefaults());
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            http.csrf(csrf -> csrf.ignoringRequestMatchers(protocol.getEndpointsMatcher()));
            http.exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                    new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login"),
                    new org.springframework.security.web.util.matcher.MediaTypeRequestMatcher(
                            org.springframework.http.MediaType.TEXT_HTML)));
            return http.build();
        }

        /** The sign-in page (Spring Security's own form), for people the pages send here. */
        @Bean
        @org.springframework.core.annotation.Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            http.formLogin(Customizer.withDefaults());
            return http.build();
        }

        /** Each demo person signs in as {@code <council>-<role>} with the demo secret. */
        @Bean
        org.springframework.security.core.userdetails.UserDetailsService people() {
            String password = "{bcrypt}" + DEMO_SECRETS.encode(SECRET);
            List<org.springframework.security.core.userdetails.UserDetails> users = new ArrayList<>();
            for (String council : COUNCILS) {
                for (DemoPerson person : PEOPLE) {
                    users.add(org.springframework.security.core.userdetails.User.withUsername(person.clientId(council))
                            .password(password).roles("PERSON").build());
                }
            }
            return new org.springframework.security.provisioning.InMemoryUserDetailsManager(users);
        }

        @Bean
        org.springframework.security.crypto.password.PasswordEncoder passwords() {
            return org.springframework.security.crypto.factory.PasswordEncoderFactories
                    .createDelegatingPasswordEncoder();
        }

        static final org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder DEMO_SECRETS =
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4);
        static final TokenSettings HOUR = TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build();

        @Bean
        RegisteredClientRepository clients() {
            List<RegisteredClient> clients = new ArrayList<>();
            TokenSettings hour = HOUR;
            for (String council : COUNCILS) {
                for (DemoPerson person : PEOPLE) {
                    clients.add(client(person.clientId(council), hour, ClientSettings.builder()
                            .setting("caseqa.council", council).setting("caseqa.staff-id", person.staffId())
                            .setting("caseqa.roles", person.roles()).build(), List.of()));
                }
                clients.add(client(council + "-dashboard", hour, ClientSettings.builder()
                        .setting("caseqa.council", council).build(), List.of("board.read")));
            }
            RegisteredClient.Builder pages = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(PAGES_CLIENT).clientSecret("{bcrypt}" + DEMO_SECRETS.encode(SECRET))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true)
                            .requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build());
            for (int port = 8081; port <= 8085; port++) {
                pages.redirectUri("http://localhost:" + port + SIGNED_IN_PATH);
            }
            clients.add(pages.build());
            return new InMemoryRegisteredClientRepository(clients);
        }

        static RegisteredClient client(String clientId, TokenSettings tokens, ClientSettings settings,
                List<String> scopes) {
            RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId)
                    // every client's stored secret must differ (the repository refuses two alike): the same
                    // demo secret, hashed with its own salt (a low cost: demo secrets, checked on each token request)
                    .clientSecret("{bcrypt}" + DEMO_SECRETS.encode(SECRET))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens).clientSettings(settings);
            scopes.forEach(client::scope);
            return client.build();
        }

        /**
         * Every token is for the services' audience and names its holder's council, staff id and roles: a demo
         * client's from its settings, a person signed in on the page from who they signed in as.
         */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> caseqaClaims() {
            return context -> {
                context.getClaims().audience(List.of(AUDIENCE));
                if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
                    String user = context.getPrincipal().getName();
                    for (String council : COUNCILS) {
                        PEOPLE.stream().filter(p -> p.clientId(council).equals(user)).findFirst().ifPresent(p -> {
                            context.getClaims().claim("council", council).claim("staff_id", p.staffId())
                                    .claim("roles", p.roles());
                        });
                    }
                    return;
                }
                ClientSettings settings = context.getRegisteredClient().getClientSettings();
                Object council = settings.getSetting("caseqa.council");
                if (council != null) {
                    context.getClaims().claim("council", council);
                }
                Object staffId = settings.getSetting("caseqa.staff-id");
                if (staffId != null) {
                    context.getClaims().claim("staff_id", staffId);
                    context.getClaims().claim("roles", settings.getSetting("caseqa.roles"));
                }
                if (!context.getRegisteredClient().getScopes().isEmpty()) {
                    context.getClaims().claim("scope", String.join(" ", context.getRegisteredClient().getScopes()));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws JOSEException {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** On a fixed port the issuer is fixed; on a free port (tests) it is the address each request came to. */
        @Bean
        AuthorizationServerSettings settings(Environment environment) {
            String port = environment.getProperty("server.port", String.valueOf(PORT));
            AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
            return "0".equals(port) ? settings.build() : settings.issuer("http://localhost:" + port).build();
        }
    }
}
