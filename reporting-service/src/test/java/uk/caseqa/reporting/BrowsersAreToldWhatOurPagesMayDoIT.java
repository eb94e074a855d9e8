package uk.caseqa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * The security headers every response carries (shown on the dashboard's page and on an API read): a content
 * security policy allowing only our own scripts and no framing, no sniffing, no referrer. A page of another site may
 * call the API from a browser only from an origin the council names (CORS): any other origin's preflight is refused.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ReportingServiceApplication.CONFIG_NAME,
        "caseqa.security.cors.allowed-origins=https://intranet.swindon.example"})
class BrowsersAreToldWhatOurPagesMayDoIT {

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void theDashboardPageAndAnApiReadCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/dashboard/index.html")));
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/board/measures"))
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-board", "BOARD_READER")));
        for (HttpResponse<String> response : java.util.List.of(page, read)) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
        assertThat(read.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
    }

    @Test
    void onlyTheOriginTheCouncilNamesMayCallFromAnotherSitesPage() throws Exception {
        HttpResponse<String> stranger = send(preflight("https://evil.example"));
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> named = send(preflight("https://intranet.swindon.example"));
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(named.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("https://intranet.swindon.example");
        assertThat(named.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(uri("/board/measures")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization");
    }
}
