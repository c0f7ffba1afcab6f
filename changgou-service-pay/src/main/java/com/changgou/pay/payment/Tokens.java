package com.changgou.pay.payment;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque per-order tokens: 128 random bits, url-safe, so a broadcast names no order. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
