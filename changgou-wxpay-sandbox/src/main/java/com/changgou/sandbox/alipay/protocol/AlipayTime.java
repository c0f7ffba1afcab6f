package com.changgou.sandbox.alipay.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Alipay's {@code yyyy-MM-dd HH:mm:ss} times, always Beijing time (UTC+8), whatever the server's zone. */
public final class AlipayTime {

    public static final ZoneId BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** gmt_refund in a refund's notification carries milliseconds, unlike every other time. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private AlipayTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(BEIJING));
    }

    public static String formatMillis(Instant instant) {
        return MILLIS.format(instant.atZone(BEIJING));
    }

    /** Empty unless the text is exactly a real {@code yyyy-MM-dd HH:mm:ss}. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() != 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).atZone(BEIJING).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
