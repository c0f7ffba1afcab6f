package com.changgou.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two ways a WeChat Pay V2 message is signed with the merchant key: the fields but {@code sign}
 * that have a value, sorted by name as {@code k=v&...}, then {@code &key=<merchant key>}, digested
 * and written as upper-case hex.
 */
public enum MerchantSign {

    MD5("MD5") {
        @Override
        byte[] digest(byte[] text, String key) throws GeneralSecurityException {
            return MessageDigest.getInstance("MD5").digest(text);
        }
    },
    HMAC_SHA256("HMAC-SHA256") {
        @Override
        byte[] digest(byte[] text, String key) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text);
        }
    };

    private final String wireName;

    MerchantSign(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code sign_type} field; WeChat takes a message without one as MD5. */
    public static MerchantSign of(String signType) {
        if (signType == null || signType.isEmpty()) {
            return MD5;
        }
        for (MerchantSign sign : values()) {
            if (sign.wireName.equals(signType)) {
                return sign;
            }
        }
        throw new IllegalArgumentException("sign_type %s is not one WeChat Pay V2 knows".formatted(signType));
    }

    public String wireName() {
        return wireName;
    }

    public String sign(Map<String, String> fields, String key) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!name.equals("sign") && value != null && !value.isEmpty()) {
                text.append(name).append('=').append(value).append('&');
            }
        });
        text.append("key=").append(key);
        try {
            byte[] digest = digest(text.toString().getBytes(StandardCharsets.UTF_8), key);
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " is not available in this JDK", e);
        }
    }

    abstract byte[] digest(byte[] text, String key) throws GeneralSecurityException;
}
