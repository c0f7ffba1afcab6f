package com.changgou.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The other apps' own accounts, checked on HTTP Basic. Each account's secret comes from the same
 * environment variable its app sends it from; only its SHA-256 digest is kept, compared in
 * constant time. That is enough because the secret is a long random value the launcher generates,
 * not a person's password: a slow hash such as BCrypt would defend nothing more and cost tens of
 * milliseconds of CPU on every service call. An account without a secret is not an account: its
 * calls are refused, never let through.
 *
 * <p>An app that takes service accounts adds one to its filter chain, beside HTTP Basic, built from
 * its {@link CallerSecrets}.
 */
public final class ServiceCallers implements AuthenticationProvider {

    /** Random secrets are long; a short one is a mistake that a fast hash must not be asked to cover. */
    static final int MIN_SECRET_LENGTH = 16;

    private static final Logger log = LoggerFactory.getLogger(ServiceCallers.class);

    private final Map<String, byte[]> digests = new HashMap<>();

    public ServiceCallers(Map<String, String> secrets) {
        secrets.forEach((account, secret) -> {
            if (secret == null || secret.isBlank()) {
                log.warn("no secret for service account {}: its calls are refused", account);
                return;
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("the secret of service account %s is shorter than %d characters: "
                        .formatted(account, MIN_SECRET_LENGTH) + "use a long random value");
            }
            digests.put(account, sha256(secret));
        });
    }

    /** The authority a service account holds, and only it: no token's roles can become one. */
    public static String authority(String account) {
        return "SERVICE_" + account;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        byte[] expected = digests.get(account);
        byte[] presented = sha256(Objects.toString(attempt.getCredentials(), ""));
        // digest and compare even for an unknown account, so the answer takes as long either way
        boolean matches = MessageDigest.isEqual(presented, expected == null ? new byte[presented.length] : expected);
        if (expected == null || !matches) {
            throw new BadCredentialsException("not a service account of this app, or the wrong secret");
        }
        return UsernamePasswordAuthenticationToken.authenticated(account, null,
                List.of(new SimpleGrantedAuthority(authority(account))));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
