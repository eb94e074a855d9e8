package uk.caseqa.launcher;

import uk.caseqa.identity.LocalAuthorizationServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

/** The embedded run's authorization server, over HTTP, as a person and a service see it. */
class TheLocalAuthorizationServerIssuesTokensTheServicesCheckTest {

    static LocalAuthorizationServer server;

    @BeforeAll
    static void start() {
        server = LocalAuthorizationServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static org.springframework.http.ResponseEntity<Map> tokenRequest(String client, String secret) {
        return RestClient.create(server.issuer()).post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(client, secret)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials").retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
    }

    Jwt checked(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(server.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(server.issuer()));
        return decoder.decode(token);
    }

    @Test
    void aDemoServiceManagerGetsAnHoursTokenNamingTheirCouncilStaffIdAndRoles() {
        var answer = tokenRequest("bolton-service-manager", LocalAuthorizationServer.SECRET);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Jwt jwt = checked((String) answer.getBody().get("access_token"));

        assertThat(jwt.getAudience()).containsExactly(LocalAuthorizationServer.AUDIENCE);
        assertThat(jwt.getClaimAsString("council")).isEqualTo("bolton");
        assertThat(jwt.getClaimAsString("staff_id")).isEqualTo(DemoJourney.SERVICE_MANAGER);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SERVICE_MANAGER");
        assertThat(((Number) answer.getBody().get("expires_in")).longValue()).isBetween(3500L, 3600L);
    }

    @Test
    void aWrongSecretGetsNoToken() {
        assertThat(tokenRequest("swindon-qa", "guess").getStatusCode().value()).isEqualTo(401);
        assertThat(tokenRequest("nobody", LocalAuthorizationServer.SECRET).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aMachineDashboardGetsItsScopeAndNoRoles() {
        Jwt jwt = checked((String) tokenRequest("wandsworth-dashboard", LocalAuthorizationServer.SECRET).getBody()
                .get("access_token"));
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("board.read");
        assertThat(jwt.getClaimAsString("council")).isEqualTo("wandsworth");
        assertThat(jwt.getClaims()).doesNotContainKey("roles");
    }

    @Test
    void aPersonOfATestOrScriptedDemoIsRegisteredOnTheirFirstToken() {
        String bearer = server.of("telford-and-wrekin", "staff-tm-9", "AUDITOR", "TEAM_MANAGER");
        Jwt jwt = checked(bearer.substring("Bearer ".length()));
        assertThat(jwt.getClaimAsString("staff_id")).isEqualTo("staff-tm-9");
        assertThat(jwt.getClaimAsString("council")).isEqualTo("telford-and-wrekin");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AUDITOR", "TEAM_MANAGER");
        assertThat(server.of("telford-and-wrekin", "staff-tm-9", "AUDITOR", "TEAM_MANAGER")).as("kept until near expiry")
                .isEqualTo(bearer);
    }
}
