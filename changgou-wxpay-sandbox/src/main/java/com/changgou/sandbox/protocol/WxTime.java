package com.changgou.sandbox.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** WeChat's {@code yyyyMMddHHmmss} timestamps, always Beijing time (UTC+8), whatever the server's zone. */
public final class WxTime {

    public static final ZoneId BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    /** The refund API's other shape: refund_success_time and success_time are {@code yyyy-MM-dd HH:mm:ss}. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private WxTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(BEIJING));
    }

    public static String formatDateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(BEIJING));
    }

    /** Empty when the text is not exactly 14 digits of a real date and time. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).atZone(BEIJING).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
