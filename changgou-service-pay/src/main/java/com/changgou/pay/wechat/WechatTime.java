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

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Asia/Shanghai"));

    private WechatTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The instant WeChat wrote; null when it wrote none (or nothing readable, which the caller logs). */
    static Instant parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.from(FORMAT.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
