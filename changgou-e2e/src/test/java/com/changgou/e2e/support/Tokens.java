package com.changgou.e2e.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RS256 tokens as an attacker (or an operator holding the gateway's key) would make them, written
 * by hand so the test depends on nothing the suite uses to check them.
 */
public final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** A shopper's token. */
    public static String sign(PrivateKey key, String issuer, String audience, String subject, Instant expiresAt) {
        return sign(key, issuer, audience, subject, List.of("SHOPPER"), expiresAt);
    }

    public static String sign(PrivateKey key, String issuer, String audience, String subject, List<String> roles,
                              Instant expiresAt) {
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String roleList = roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(","));
        String claims = URL.encodeToString("""
                {"iss":"%s","aud":"%s","sub":"%s","roles":[%s],"iat":%d,"exp":%d}"""
                .formatted(issuer, audience, subject, roleList, expiresAt.minusSeconds(60).getEpochSecond(),
                        expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the suite's services believe: the gateway's own key, issuer and audience, for an hour. */
    public static String gatewaySigned(Suite suite, String subject, List<String> roles) {
        return sign(read(Path.of(suite.setting("CHANGGOU_RUN_DIR"), "secrets", "gateway-jwt.pem")), "changgou-gateway",
                "changgou-services", subject, roles, Instant.now().plusSeconds(3600));
    }

    /** A PKCS#8 PEM private key, as ./changgou writes the gateway's. */
    public static PrivateKey read(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }
}
