package com.changgou.pay.wechat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * WeChat's times ({@code time_expire}, {@code time_end}): {@code yyyyMMddHHmmss} in Beijing time,
 * without a zone. The one formatter for them; everything outside this package sees {@link Instant}.
 */
final class WechatTime {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(BEIJING);
    /** Refunds' {@code success_time} / {@code refund_success_time_$n}: Beijing time again, spelt otherwise. */
    private static final DateTimeFormatter REFUND_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    private WechatTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The instant WeChat wrote; null when it wrote none (or nothing readable, which the caller logs). */
    static Instant parse(String value) {
        return parse(value, FORMAT);
    }

    /** A refund's success time; null when WeChat wrote none or nothing readable. */
    static Instant parseRefundTime(String value) {
        return parse(value, REFUND_FORMAT);
    }

    private static Instant parse(String value, DateTimeFormatter format) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.from(format.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
