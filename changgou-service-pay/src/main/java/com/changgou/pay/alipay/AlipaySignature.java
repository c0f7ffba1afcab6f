package com.changgou.pay.alipay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * RSA2 as Alipay's open platform defines it: SHA256withRSA over a content string, the signature in
 * standard Base64. The content of a parameter set is every parameter but the excluded ones and those
 * with an empty value, sorted by name (byte order: all names are ASCII), joined as {@code k=v&k=v} with
 * raw (decoded, never URL-encoded) values. Requests exclude {@code sign} only; notifications exclude
 * {@code sign} and {@code sign_type}; answers are signed over the exact JSON text of their response object.
 */
final class AlipaySignature {

    /** What a request's signature leaves out: sign_type is signed with the rest. */
    static final Set<String> REQUEST_UNSIGNED = Set.of("sign");
    /** What a notification's signature leaves out. */
    static final Set<String> NOTIFICATION_UNSIGNED = Set.of("sign", "sign_type");
    private static final String ALGORITHM = "SHA256withRSA";

    private AlipaySignature() {
    }

    static String content(Map<String, String> params, Set<String> unsigned) {
        StringBuilder content = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!unsigned.contains(name) && value != null && !value.isEmpty()) {
                content.append(content.isEmpty() ? "" : "&").append(name).append('=').append(value);
            }
        });
        return content.toString();
    }

    static String sign(String content, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA2 signing failed: " + e.getMessage(), e);
        }
    }

    /** False for a missing, malformed or wrong signature; never throws for what the other side sent. */
    static boolean verify(String content, String sign, PublicKey key) {
        if (sign == null || sign.isEmpty()) {
            return false;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(sign);
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(bytes);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
