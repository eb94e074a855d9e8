package uk.caseqa.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A caller sends the same token with every request; its signature is verified the first time, and its expiry is
 * still checked every time after.
 */
class ATokenIsVerifiedOnceButCheckedAtEveryUseTest {

    final Instant issued = Instant.parse("2026-11-27T09:00:00Z");
    final List<String> verified = new ArrayList<>();
    final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);

    final AtomicLong ticks = new AtomicLong();

    CheckedTokens checkedTokens() {
        return new CheckedTokens(token -> {
            verified.add(token);
            if (token.startsWith("forged")) {
                throw new org.springframework.security.oauth2.jwt.BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("staff-tm-1").issuedAt(issued)
                    .expiresAt(issued.plusSeconds(300)).build();
        }, expiry, ticks::get);
    }

    /** The time the token checks go by. */
    void secondsAfterIssue(long seconds) {
        expiry.setClock(Clock.fixed(issued.plusSeconds(seconds), ZoneOffset.UTC));
    }

    /** The tokens, one of them already used (and verified). */
    CheckedTokens afterAFirstUseOf(String token) {
        CheckedTokens tokens = checkedTokens();
        tokens.decode(token);
        return tokens;
    }

    @Test
    void theSameTokenTenTimesIsVerifiedOnceAndEachTokenOnItsOwn() {
        secondsAfterIssue(10);
        CheckedTokens tokens = checkedTokens();

        for (int i = 0; i < 10; i++) {
            assertThat(tokens.decode("token-a").getSubject()).isEqualTo("staff-tm-1");
        }
        tokens.decode("token-b");

        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void aTokenIsVerifiedAgainAMinuteAfterItWasFirstVerified() {
        secondsAfterIssue(10);
        CheckedTokens tokens = afterAFirstUseOf("token-a");

        ticks.addAndGet(CheckedTokens.KEPT.minusSeconds(1).toNanos());
        tokens.decode("token-a");
        assertThat(verified).containsExactly("token-a");

        ticks.addAndGet(Duration.ofSeconds(1).toNanos());
        tokens.decode("token-a");
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aTokenThatExpiresAfterItsFirstUseIsRefusedAtTheNext() {
        secondsAfterIssue(10);
        CheckedTokens tokens = afterAFirstUseOf("token-a");

        secondsAfterIssue(301);

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKeptAndFailsEachTime() {
        CheckedTokens tokens = checkedTokens();

        assertThatThrownBy(() -> tokens.decode("forged-1")).hasMessage("bad signature");
        assertThatThrownBy(() -> tokens.decode("forged-1")).hasMessage("bad signature");

        assertThat(verified).containsExactly("forged-1", "forged-1");
    }
}
