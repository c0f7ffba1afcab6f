package com.changgou.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code req_info} of a refund notification: Base64 of AES-256-ECB with PKCS#5 padding, keyed with the
 * UTF-8 bytes of the lower-case hex MD5 of the merchant key (32 characters, so 32 bytes, so AES-256). ECB and
 * no MAC are WeChat's choice, not ours; a merchant must still match what it decrypts to its own refund.
 */
public final class ReqInfoCipher {

    private static final String TRANSFORMATION = "AES/ECB/PKCS5Padding";

    private final SecretKeySpec key;

    public ReqInfoCipher(String merchantKey) {
        if (merchantKey == null || merchantKey.isEmpty()) {
            throw new IllegalArgumentException("the merchant key must not be empty");
        }
        this.key = new SecretKeySpec(keyBytes(merchantKey), "AES");
    }

    /** The 32 AES key bytes: the ASCII of md5(merchantKey) in lower-case hex. */
    static byte[] keyBytes(String merchantKey) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(merchantKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5).getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    public String encrypt(String plaintext) {
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** For tools and tests that read what the sandbox sent; throws on anything not encrypted with this key. */
    public String decrypt(String reqInfo) {
        byte[] encrypted;
        try {
            encrypted = Base64.getDecoder().decode(reqInfo.strip());
        } catch (IllegalArgumentException e) {
            throw new XmlRejectedException("req_info is not Base64", e);
        }
        return new String(run(Cipher.DECRYPT_MODE, encrypted), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.DECRYPT_MODE) {
                throw new XmlRejectedException("req_info does not decrypt with this merchant key", e);
            }
            throw new IllegalStateException("every JVM has " + TRANSFORMATION, e);
        }
    }
}
