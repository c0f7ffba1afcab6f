package com.changgou.sandbox.protocol;

import java.util.Optional;

/** WeChat Pay V2's {@code sign_type}: absent means MD5. */
public enum SignType {
    MD5("MD5"),
    HMAC_SHA256("HMAC-SHA256");

    private final String wireName;

    SignType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Empty for a value WeChat does not know; a missing or blank field is MD5, as WeChat defaults it. */
    public static Optional<SignType> fromWire(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(MD5);
        }
        for (SignType type : values()) {
            if (type.wireName.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
