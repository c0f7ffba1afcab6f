package com.changgou.weborder.ops;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;

/**
 * The search form as typed: an order id, a WeChat/Alipay transaction id, and a time range from the
 * browser's {@code datetime-local} inputs, read in the server's zone. Kept as typed so the form shows
 * it again with the results.
 */
record PaymentSearch(String orderId, String transactionId, String from, String to) {

    static final PaymentSearch EMPTY = new PaymentSearch(null, null, null, null);

    /** What the pay service is asked: blanks left out, times as instants. */
    record Criteria(String orderId, String transactionId, Instant from, Instant to) {
    }

    boolean isBlank() {
        return blank(orderId) && blank(transactionId) && blank(from) && blank(to);
    }

    Criteria criteria(ZoneId zone) {
        if (isBlank()) {
            throw new OpsFailure(HttpStatus.BAD_REQUEST,
                    "Say what to look for: an order id, a transaction id, or a time range.");
        }
        Instant start = instant(from, "From", zone);
        Instant end = instant(to, "To", zone);
        if (start != null && end != null && end.isBefore(start)) {
            throw new OpsFailure(HttpStatus.BAD_REQUEST, "\"To\" is before \"From\".");
        }
        return new Criteria(trimmed(orderId), trimmed(transactionId), start, end);
    }

    private static Instant instant(String typed, String field, ZoneId zone) {
        if (blank(typed)) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new OpsFailure(HttpStatus.BAD_REQUEST, "\"%s\" is not a date and time.".formatted(field));
        }
    }

    private static String trimmed(String typed) {
        return blank(typed) ? null : typed.strip();
    }

    private static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }
}
