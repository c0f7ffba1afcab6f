package com.changgou.pay.alipay;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Alipay's times ({@code timestamp}, {@code time_expire}, {@code gmt_payment}…): {@code yyyy-MM-dd HH:mm:ss}, Beijing. */
final class AlipayTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private AlipayTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Null when Alipay wrote none or nothing readable. */
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
