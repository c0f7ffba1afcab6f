package com.changgou.weborder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway's signing key as the tests play it: a throw-away RSA key pair made once per run, its
 * public half in a temp file the service under test is pointed at, and bearer tokens minted with it
 * (or, to be refused, with another key, issuer or audience, or already expired).
 */
public final class TestTokens {

    public static final String ISSUER = "changgou-gateway";
    public static final String AUDIENCE = "changgou-services";

    private static final KeyPair GATEWAY_KEY = generate();
    private static final KeyPair STRANGER = generate();
    private static final Path PUBLIC_KEY = write(GATEWAY_KEY);

    private TestTokens() {
    }

    /** Points the app at the test gateway's public key. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PUBLIC_KEY);
    }

    /** {@code Bearer …}: the gateway's word that {@code username} is a signed-in shopper, good for a minute. */
    public static String shopper(String username) {
        return bearer(GATEWAY_KEY, ISSUER, AUDIENCE, username, Instant.now().plusSeconds(60));
    }

    public static String expired(String username) {
        return bearer(GATEWAY_KEY, ISSUER, AUDIENCE, username, Instant.now().minus(Duration.ofMinutes(5)));
    }

    public static String signedByAnotherKey(String username) {
        return bearer(STRANGER, ISSUER, AUDIENCE, username, Instant.now().plusSeconds(60));
    }

    public static String issuedBy(String issuer, String username) {
        return bearer(GATEWAY_KEY, issuer, AUDIENCE, username, Instant.now().plusSeconds(60));
    }

    public static String forAudience(String audience, String username) {
        return bearer(GATEWAY_KEY, ISSUER, audience, username, Instant.now().plusSeconds(60));
    }

    private static String bearer(KeyPair key, String issuer, String audience, String subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject)
                .claim("roles", List.of("SHOPPER"))
                .issuedAt(expiresAt.minusSeconds(60))
                .expiresAt(expiresAt)
                .build();
        NimbusJwtEncoder encoder = NimbusJwtEncoder
                .withKeyPair((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()).build();
        return "Bearer " + encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyPair key) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("changgou-test-gateway-", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
