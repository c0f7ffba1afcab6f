package com.changgou.pay.wechat;

import java.util.Arrays;
import java.util.Optional;

/** WeChat Pay V2's {@code sign_type}; {@link #wireName()} is how it is spelt on the wire. */
public enum WechatSignType {
    MD5("MD5"),
    HMAC_SHA256("HMAC-SHA256");

    private final String wireName;

    WechatSignType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The sign type a message names in its {@code sign_type} field, if it is one we know. */
    static Optional<WechatSignType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
    }
}
