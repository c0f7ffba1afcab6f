package com.changgou.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * RSA2 as Alipay's documentation describes it, written apart from the suite's own code so each checks
 * the other: the parameters but the excluded ones, empty values dropped, sorted by name, joined as
 * {@code k=v&k=v} with raw (not URL-encoded) values, signed SHA256withRSA, Base64. Requests exclude
 * only {@code sign}; asynchronous notifications and the return to {@code return_url} exclude
 * {@code sign} and {@code sign_type}.
 */
public final class AlipaySignature {

    public static final Set<String> REQUEST_EXCLUDES = Set.of("sign");
    public static final Set<String> NOTIFICATION_EXCLUDES = Set.of("sign", "sign_type");

    private AlipaySignature() {
    }

    /** The text that is signed. */
    public static String content(Map<String, String> params, Set<String> excluded) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !excluded.contains(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    public static String sign(String content, PrivateKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with RSA2", e);
        }
    }

    public static boolean verify(String content, String sign, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A PKCS#8 PEM private key (as openssl genpkey writes it). */
    public static PrivateKey privateKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key: " + pem, e);
        }
    }

    /** An X.509 SubjectPublicKeyInfo PEM public key (as openssl pkey -pubout writes it). */
    public static PublicKey publicKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key: " + pem, e);
        }
    }

    private static byte[] der(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }
}
