package com.changgou.pay.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay V2's signature over a received message. Written here rather than taken from
 * WxJava's {@code SignUtils}, which leaves out fields it uses itself ({@code key},
 * {@code xmlString}, {@code xmlDoc}, {@code couponList}): WeChat signs every non-empty field but
 * {@code sign}, and so must the verifier, or a field could be added without breaking the sign.
 */
final class WechatSignature {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private WechatSignature() {
    }

    /** The sign of every non-empty field but {@code sign}, sorted by name, with {@code &key=} appended. */
    static String sign(Map<String, String> fields, WechatSignType type, String key) {
        StringBuilder toSign = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                toSign.append(name).append('=').append(value).append('&');
            }
        });
        toSign.append("key=").append(key);
        byte[] data = toSign.toString().getBytes(StandardCharsets.UTF_8);
        return HEX.formatHex(type == WechatSignType.MD5 ? md5(data) : hmacSha256(data, key));
    }

    /** Whether the message carries a sign and it is the one our key gives; constant-time compare. */
    static boolean verify(Map<String, String> fields, WechatSignType type, String key) {
        String received = fields.get("sign");
        if (received == null || received.isEmpty()) {
            return false;
        }
        byte[] expected = sign(fields, type, key).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    private static byte[] hmacSha256(byte[] data, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
