package com.changgou.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway's secrets as the tests play them: a throw-away RSA key pair made once per run (its
 * private half in a temp PKCS#8 PEM file the gateway signs with, its public half to check what the
 * services were sent) and the gateway's service-account password, which {@link StubServices}'
 * user service also knows.
 */
public final class GatewaySecrets {

    public static final String SERVICE_ACCOUNT = "changgou-gateway";
    public static final String SERVICE_PASSWORD = "gateway-service-test-secret-0123456789";

    private static final KeyPair KEY = generate();
    private static final Path PRIVATE_KEY = write(KEY);

    private GatewaySecrets() {
    }

    /** The gateway's private key and service password, for a test's context. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("changgou.security.jwt.private-key", PRIVATE_KEY::toString);
        registry.add("changgou.security.service-account.password", () -> SERVICE_PASSWORD);
    }

    /** The same, as command-line arguments of a gateway started by hand. */
    public static List<String> arguments() {
        return List.of("--changgou.security.jwt.private-key=" + PRIVATE_KEY,
                "--changgou.security.service-account.password=" + SERVICE_PASSWORD);
    }

    /** The temp PKCS#8 PEM file of the private key. */
    public static Path privateKey() {
        return PRIVATE_KEY;
    }

    /** Checks the gateway's signature on a token and reads its claims; whether they suit a service is the test's to say. */
    public static Jwt verify(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEY.getPublic()).build();
        decoder.setJwtValidator(claims -> OAuth2TokenValidatorResult.success());
        return decoder.decode(token);
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
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            Path file = Files.createTempFile("changgou-test-gateway-", ".key.pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
