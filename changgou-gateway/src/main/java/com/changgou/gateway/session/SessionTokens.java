package com.changgou.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies the session token {@code <username>.<expiry epoch seconds>.<HMAC-SHA256>}.
 * The username alphabet has no dot, so the three parts split unambiguously; the signature covers
 * both the name and the expiry, so neither can be changed without the secret.
 */
final class SessionTokens {

    static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9_-]{1,32}");
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    SessionTokens(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the session secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.ttl = ttl;
        this.clock = clock;
    }

    static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    String issue(String username) {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("username must match " + USERNAME.pattern());
        }
        String payload = username + "." + clock.instant().plus(ttl).getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The username of a token that is well-formed, signed with our secret and not expired. */
    Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !isValidUsername(parts[0])) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1];
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long expiry = Long.parseLong(parts[1]);
            return clock.instant().getEpochSecond() < expiry ? Optional.of(parts[0]) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Duration ttl() {
        return ttl;
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
