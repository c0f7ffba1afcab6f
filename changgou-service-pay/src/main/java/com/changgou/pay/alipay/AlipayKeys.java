package com.changgou.pay.alipay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The two keys of public-key mode, read once from PEM files: ours to sign, Alipay's to verify. */
record AlipayKeys(PrivateKey appPrivate, PublicKey alipayPublic) {

    static AlipayKeys load(AlipayProperties properties) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey app = rsa.generatePrivate(new PKCS8EncodedKeySpec(
                    pem(properties.appPrivateKey(), "PRIVATE KEY", "ALIPAY_APP_PRIVATE_KEY")));
            PublicKey alipay = rsa.generatePublic(new X509EncodedKeySpec(
                    pem(properties.alipayPublicKey(), "PUBLIC KEY", "ALIPAY_PUBLIC_KEY")));
            return new AlipayKeys(app, alipay);
        } catch (GeneralSecurityException e) {
            // The message of a key spec failure names no key material.
            throw new IllegalStateException("Alipay keys unreadable: " + e.getMessage(), e);
        }
    }

    /** The DER inside a PEM file of exactly this type ({@code BEGIN PRIVATE KEY} = PKCS#8, {@code BEGIN PUBLIC KEY} = X.509). */
    static byte[] pem(String file, String type, String variable) {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("%s: cannot read %s: %s".formatted(variable, file, e.getMessage()), e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("%s: %s is not a PEM '%s' file".formatted(variable, file, type));
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
