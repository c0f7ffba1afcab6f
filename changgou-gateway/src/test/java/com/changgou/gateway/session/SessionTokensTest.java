package com.changgou.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final byte[] SECRET = "a-test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final SessionTokens tokens = at(NOW);

    private static SessionTokens at(Instant instant) {
        return new SessionTokens(SECRET, Duration.ofHours(1), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aFreshTokenNamesItsShopper() {
        assertThat(tokens.verify(tokens.issue("alice_01"))).contains("alice_01");
    }

    @Test
    void aTokenWithAnotherNameIsRefused() {
        String token = tokens.issue("alice");
        String forged = "mallory" + token.substring("alice".length());
        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void aTokenWithAnExtendedExpiryIsRefused() {
        String[] parts = tokens.issue("alice").split("\\.");
        String forged = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void aTokenWithAChangedSignatureIsRefused() {
        String token = tokens.issue("alice");
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        SessionTokens other = new SessionTokens("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(tokens.verify(other.issue("alice"))).isEmpty();
    }

    @Test
    void aTokenIsValidUntilItsExpiryAndNotAfter() {
        String token = tokens.issue("alice");
        assertThat(at(NOW.plus(Duration.ofMinutes(59))).verify(token)).contains("alice");
        assertThat(at(NOW.plus(Duration.ofHours(1))).verify(token)).isEmpty();
        assertThat(at(NOW.plus(Duration.ofDays(2))).verify(token)).isEmpty();
    }

    @Test
    void garbageIsRefused() {
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("alice")).isEmpty();
        assertThat(tokens.verify("alice.notanumber.sig")).isEmpty();
        assertThat(tokens.verify("a.b.c.d")).isEmpty();
    }

    @Test
    void onlyNamesOfTheAllowedAlphabetGetAToken() {
        assertThatThrownBy(() -> tokens.issue("bad name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("x".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("a.b")).isInstanceOf(IllegalArgumentException.class);
    }
}
