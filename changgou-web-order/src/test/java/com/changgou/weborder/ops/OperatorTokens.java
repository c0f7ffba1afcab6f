package com.changgou.weborder.ops;

import com.changgou.security.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.List;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An operator's token as the gateway signs it (the test gateway's key from {@link TestTokens}): the
 * same issuer, audience and lifetime as a shopper's, with the roles the user service gives staff.
 */
final class OperatorTokens {

    private static final NimbusJwtEncoder ENCODER = encoder();

    private OperatorTokens() {
    }

    /** {@code Bearer …} for {@code username} with the roles SHOPPER and OPERATOR. */
    static String operator(String username) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(TestTokens.ISSUER)
                .audience(List.of(TestTokens.AUDIENCE))
                .subject(username)
                .claim("roles", List.of("SHOPPER", "OPERATOR"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(60))
                .build();
        return "Bearer " + ENCODER.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    private static NimbusJwtEncoder encoder() {
        try (InputStream pem = Files.newInputStream(TestTokens.privateKey())) {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) RsaKeyConverters.pkcs8().convert(pem);
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return NimbusJwtEncoder.withKeyPair(publicKey, key).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
