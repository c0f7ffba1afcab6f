package com.changgou.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay V2 signature: every non-empty field but {@code sign}, sorted by name (ASCII), joined as
 * {@code k=v&k=v}, then {@code &key=KEY}; MD5 or HMAC-SHA256 keyed with KEY, upper-case hex.
 */
public final class WxSigner {

    private final String key;

    public WxSigner(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the merchant key must not be empty");
        }
        this.key = key;
    }

    public String sign(Map<String, String> fields, SignType type) {
        byte[] text = signingText(fields).getBytes(StandardCharsets.UTF_8);
        byte[] digest = switch (type) {
            case MD5 -> md5(text);
            case HMAC_SHA256 -> hmacSha256(text);
        };
        return HexFormat.of().withUpperCase().formatHex(digest);
    }

    /** Constant-time comparison, so a forger learns nothing from the timing of a refusal. */
    public boolean verify(Map<String, String> fields, SignType type) {
        String given = fields.get(WxFields.SIGN);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(fields, type).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }

    String signingText(Map<String, String> fields) {
        String joined = new TreeMap<>(fields).entrySet().stream()
                .filter(field -> !WxFields.SIGN.equals(field.getKey()))
                .filter(field -> field.getValue() != null && !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("&"));
        return joined + "&key=" + key;
    }

    private static byte[] md5(byte[] text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private byte[] hmacSha256(byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
