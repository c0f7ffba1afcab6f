package com.changgou.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tokens the gateway signs for the services behind it.
 *
 * @param privateKey   path of the gateway's RSA private key, a PKCS#8 PEM file ({@code GATEWAY_JWT_PRIVATE_KEY});
 *                     there is no default: without one the gateway does not start
 * @param ttl          how long a token is good for
 * @param minRemaining a session's token is reused while it has at least this long left, so every
 *                     service it reaches has at least this long to use it
 */
@ConfigurationProperties("changgou.security.jwt")
record TokenProperties(String privateKey, @DefaultValue("60s") Duration ttl, @DefaultValue("30s") Duration minRemaining) {

    TokenProperties {
        if (privateKey == null || privateKey.isBlank()) {
            throw new IllegalStateException("no private key to sign the services' tokens with: set GATEWAY_JWT_PRIVATE_KEY "
                    + "to the path of a PKCS#8 PEM file (changgou.security.jwt.private-key)");
        }
        if (minRemaining.isNegative() || minRemaining.compareTo(ttl) >= 0) {
            throw new IllegalStateException("changgou.security.jwt.min-remaining (%s) must be shorter than its ttl (%s)"
                    .formatted(minRemaining, ttl));
        }
    }
}
