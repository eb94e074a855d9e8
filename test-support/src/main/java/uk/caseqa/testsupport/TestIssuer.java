package uk.caseqa.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A token issuer for tests: its public keys served at {@link #jwkSetUri()} over real HTTP, as an identity provider
 * serves them, and tokens signed with its private key. The services check these tokens exactly as they check the
 * local authorization server's or a council's Entra ID: signature, issuer, audience, expiry and council.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "caseqa";
    private static TestIssuer shared;
    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("test issuer not started", e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.setExecutor(null);
        // started from a daemon thread, its dispatcher thread is a daemon too: it never holds the test JVM open
        Thread starter = new Thread(server::start, "test-issuer-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("test issuer not started", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** One per test JVM, like the shared broker and store. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** The services' {@code caseqa.security.*} properties for this issuer. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("caseqa.security.issuer", issuer());
        properties.put("caseqa.security.jwk-set-uri", jwkSetUri());
        properties.put("caseqa.security.audience", AUDIENCE);
        return properties;
    }

    /** A person's token: their staff id in their council, and the roles they hold there (AccessRole names). */
    public String token(String council, String staffId, String... roles) {
        return token(claims -> claims.subject(staffId).claim("staff_id", staffId).claim("council", council)
                .claim("roles", List.of(roles)));
    }

    /** {@code Authorization} header value for {@link #token(String, String, String...)}. */
    public String bearer(String council, String staffId, String... roles) {
        return "Bearer " + token(council, staffId, roles);
    }

    /** {@code Authorization} header value of a person's token from the shared issuer. */
    public static String bearerOf(String council, String staffId, String... roles) {
        return shared().bearer(council, staffId, roles);
    }

    /** A machine client's client-credentials token: its client id, council and scopes. */
    public String machineBearer(String council, String clientId, String... scopes) {
        return "Bearer " + token(claims -> claims.subject(clientId).claim("council", council)
                .claim("scope", String.join(" ", scopes)));
    }

    /**
     * A token of this issuer for the audience, valid for an hour from now, with {@code claims} set on top (the
     * subject, council, roles; or a hostile change: another issuer, audience or expiry).
     */
    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).jwtID(UUID.randomUUID().toString());
        claims.accept(builder);
        return sign(builder.build(), key);
    }

    /** The same claims signed by a key this issuer never published: what a forger could make. */
    public String forged(String council, String staffId, String... roles) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            Instant now = Instant.now();
            return sign(new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(staffId)
                    .claim("staff_id", staffId).claim("council", council).claim("roles", List.of(roles))
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build(),
                    other);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new UncheckedIOException(new IOException("token not signed", e));
        }
    }
}
