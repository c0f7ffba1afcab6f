package com.changgou.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.server.WebSession;

/**
 * The gateway's word about a signed-in shopper, for the services behind it: a JWT signed with the
 * gateway's RSA key (RS256), issued by {@value #ISSUER} for {@value #AUDIENCE}, naming the shopper
 * ({@code sub}) and their roles, good for {@code ttl}, with an id of its own ({@code jti}). Signing costs CPU on every request it is
 * done for, so a session keeps its token (in Spring Session, so every gateway instance sees it) and
 * reuses it while it has at least {@code minRemaining} left; only then is a new one signed.
 */
class ShopperTokens {

    static final String ISSUER = "changgou-gateway";
    static final String AUDIENCE = "changgou-services";
    static final String SESSION_ATTRIBUTE = ShopperTokens.class.getName() + ".TOKEN";
    private static final String ROLE_PREFIX = "ROLE_";

    private final JwtEncoder encoder;
    private final TokenProperties properties;
    private final Clock clock;

    ShopperTokens(JwtEncoder encoder, TokenProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Signs with the private key of {@code properties}; fails at start-up when the key cannot be read. */
    static ShopperTokens signingWith(TokenProperties properties, Clock clock) {
        RSAPrivateKey privateKey = readPrivateKey(Path.of(properties.privateKey()));
        return new ShopperTokens(NimbusJwtEncoder.withKeyPair(publicHalf(privateKey), privateKey).build(), properties, clock);
    }

    /** The session's token for this shopper, signed anew only when the kept one is too near its end. */
    String tokenFor(Authentication shopper, WebSession session) {
        Instant now = clock.instant();
        IssuedToken kept = session.getAttribute(SESSION_ATTRIBUTE);
        if (kept != null && kept.username().equals(shopper.getName())
                && !kept.expiresAt().isBefore(now.plus(properties.minRemaining()))) {
            return kept.value();
        }
        IssuedToken fresh = sign(shopper, now);
        session.getAttributes().put(SESSION_ATTRIBUTE, fresh);
        return fresh.value();
    }

    private IssuedToken sign(Authentication shopper, Instant now) {
        Instant expiresAt = now.plus(properties.ttl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(shopper.getName())
                .claim("roles", roles(shopper))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .build();
        return new IssuedToken(shopper.getName(), encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue(),
                expiresAt);
    }

    /** {@code ROLE_SHOPPER} becomes {@code SHOPPER}; other authorities (how they signed in) stay here. */
    private static List<String> roles(Authentication shopper) {
        return shopper.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .toList();
    }

    private static RSAPrivateKey readPrivateKey(Path file) {
        try (InputStream pem = Files.newInputStream(file)) {
            return RsaKeyConverters.pkcs8().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway's private key %s (GATEWAY_JWT_PRIVATE_KEY)"
                    .formatted(file), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("%s is not an RSA private key in PKCS#8 PEM (GATEWAY_JWT_PRIVATE_KEY)"
                    .formatted(file), e);
        }
    }

    /** A PKCS#8 RSA key (as openssl genpkey writes it) carries the public exponent: no second file is needed. */
    private static RSAPublicKey publicHalf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the gateway's private key lacks its public exponent; write it with openssl genpkey");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the gateway's public key", e);
        }
    }

    /** What a session keeps; serialisable, as Spring Session stores it in Redis. */
    record IssuedToken(String username, String value, Instant expiresAt) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
