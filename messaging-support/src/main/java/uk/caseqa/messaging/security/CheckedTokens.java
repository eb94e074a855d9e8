package uk.caseqa.messaging.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The token checks, done once per token rather than on every request: a caller sends the same bearer token with each
 * call, and parsing it and verifying its signature was 16% of the HTTP threads' work under the platform benchmark
 * (docs/performance.md). A token seen in the last {@link #KEPT} (its whole text, signature included, so the same
 * signed claims) is not parsed or verified again, but its claims are validated again on each use: expiry and
 * not-before, issuer, audience and council, so an expired token is refused as before. At most {@value #MAX_TOKENS}
 * tokens are kept. A signing key the identity provider withdraws stops a token already seen here up to a minute later
 * than it would otherwise (on top of the key set's own caching).
 */
final class CheckedTokens implements JwtDecoder {

    static final Duration KEPT = Duration.ofMinutes(1);
    static final int MAX_TOKENS = 1_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> checked;

    /** {@code decoder} parses, verifies and validates; {@code validator} is the validation it runs. */
    CheckedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this(decoder, validator, Ticker.systemTicker());
    }

    /** As above, {@link #KEPT} measured by {@code ticker}. */
    CheckedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Ticker ticker) {
        this.decoder = decoder;
        this.validator = validator;
        this.checked = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(KEPT).ticker(ticker).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt seen = checked.getIfPresent(token);
        if (seen == null) {
            Jwt jwt = decoder.decode(token);
            checked.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(seen);
        if (result.hasErrors()) {
            checked.invalidate(token);
            // the message NimbusJwtDecoder gives the same failure
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return seen;
    }
}
