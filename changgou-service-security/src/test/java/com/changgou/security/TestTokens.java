package com.changgou.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The callers of a service as the tests play them, shared by every module's tests (this module's
 * test-jar).
 *
 * <p>The gateway: a throw-away RSA key pair made once per run, its public half in a temp PEM file a
 * service under test is pointed at (its private half in another, for the gateway's own tests), and
 * bearer tokens minted with it, or, to be refused, with another key, issuer or audience, or already
 * expired. The service accounts: each one's secret, set for the run, sent over HTTP Basic.
 *
 * <p>The issuer, audience and roles are written out here rather than read from {@link GatewayTokens},
 * so that a change there shows up as failing tests, not as tests that follow along.
 *
 * <p>Only the JDK, Spring Security's JOSE classes and Spring's test context are used: the gateway
 * (WebFlux) takes this class without the servlet stack.
 */
public final class TestTokens {

    public static final String ISSUER = "changgou-gateway";
    public static final String AUDIENCE = "changgou-services";
    public static final String PUBLIC_KEY_LOCATION = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    /** The order service's account, as its timeout calls the pay service's close(). */
    public static final String ORDER_SERVICE = "changgou-service-order";
    public static final String ORDER_SERVICE_SECRET = "order-service-test-secret-0123456789";
    /** The gateway's account, as it signs shoppers in and up at the user service. */
    public static final String GATEWAY = "changgou-gateway";
    public static final String GATEWAY_SECRET = "gateway-service-test-secret-0123456789";

    private static final Map<String, String> SECRETS = Map.of(ORDER_SERVICE, ORDER_SERVICE_SECRET, GATEWAY, GATEWAY_SECRET);
    private static final KeyPair GATEWAY_KEY = generate();
    private static final KeyPair STRANGER = generate();
    private static final Path PUBLIC_KEY = write(GATEWAY_KEY.getPublic(), "PUBLIC KEY", ".pem");

    private TestTokens() {
    }

    /**
     * Points the app at the test gateway's public key, and gives it the secrets of the service
     * accounts named (say {@link #ORDER_SERVICE}) that may call it.
     */
    public static void register(DynamicPropertyRegistry registry, String... callers) {
        registry.add(PUBLIC_KEY_LOCATION, () -> "file:" + PUBLIC_KEY);
        for (String caller : callers) {
            registry.add("changgou.security.callers." + caller, () -> secretOf(caller));
        }
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

    /**
     * {@code Bearer …} credentials that name {@code username} but are not the gateway's word: signed
     * by another key, expired, issued by another app, meant for another audience, or no JWT at all.
     */
    public static List<String> notTheGatewaysWord(String username) {
        return List.of(signedByAnotherKey(username), expired(username), issuedBy("changgou-web-order", username),
                forAudience("changgou-browser", username), "Bearer not-a-token");
    }

    /** {@code Basic …}: the order service's own account. */
    public static String orderService() {
        return basic(ORDER_SERVICE, ORDER_SERVICE_SECRET);
    }

    /** {@code Basic …}: the gateway's own account. */
    public static String gateway() {
        return basic(GATEWAY, GATEWAY_SECRET);
    }

    public static String basic(String account, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The temp PKCS#8 PEM file of the gateway's private key, which the gateway under test signs with. */
    public static Path privateKey() {
        return PrivateKeyFile.PATH;
    }

    /** Checks the test gateway's signature on a token and reads its claims; whether they suit a service is the test's to say. */
    public static Jwt verify(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) GATEWAY_KEY.getPublic()).build();
        decoder.setJwtValidator(claims -> OAuth2TokenValidatorResult.success());
        return decoder.decode(token);
    }

    private static String secretOf(String account) {
        String secret = SECRETS.get(account);
        if (secret == null) {
            throw new IllegalArgumentException("no test secret for service account %s; known: %s"
                    .formatted(account, SECRETS.keySet()));
        }
        return secret;
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

    /** X.509 for a public key, PKCS#8 for a private one: what {@code getEncoded()} gives, as PEM. */
    private static Path write(Key key, String label, String suffix) {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END " + label + "-----\n";
        try {
            Path file = Files.createTempFile("changgou-test-gateway-", suffix);
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written on first use only: the services' tests never need the private half on disk. */
    private static final class PrivateKeyFile {
        static final Path PATH = write(GATEWAY_KEY.getPrivate(), "PRIVATE KEY", ".key.pem");
    }
}
