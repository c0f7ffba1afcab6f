package com.changgou.pay.wechat;

import com.changgou.pay.wechat.InvalidNotificationException.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a notification body into a {@link PayNotification}, or says why it must not be believed. */
final class WechatNotifications {

    private static final Logger log = LoggerFactory.getLogger(WechatNotifications.class);

    private static final List<String> REQUIRED =
            List.of("out_trade_no", "transaction_id", "total_fee", "cash_fee", "time_end");

    private final WechatMessages messages;

    WechatNotifications(WechatMessages messages) {
        this.messages = messages;
    }

    PayNotification parse(byte[] body) {
        Map<String, String> fields;
        try {
            fields = WechatXml.parse(body);
        } catch (WechatXml.MalformedWechatXmlException e) {
            throw invalid(Problem.MALFORMED, null, e.getMessage());
        }
        String outTradeNo = fields.get("out_trade_no");
        // The signature first: nothing else in the message means anything until it holds.
        messages.untrusted(fields, messages.notificationSignTypes()).ifPresent(distrust -> {
            throw invalid(distrust.signature() ? Problem.BAD_SIGNATURE : Problem.MERCHANT_MISMATCH, outTradeNo,
                    distrust.reason());
        });
        requireEqual(fields, "return_code", "SUCCESS");
        requireEqual(fields, "result_code", "SUCCESS");
        for (String name : REQUIRED) {
            if (fields.get(name) == null || fields.get(name).isEmpty()) {
                throw invalid(Problem.MALFORMED, outTradeNo, "missing " + name);
            }
        }
        return new PayNotification(fields.get("appid"), fields.get("mch_id"), outTradeNo,
                fields.get("transaction_id"), fen(fields, "total_fee"), fen(fields, "cash_fee"),
                fields.get("openid"), fields.get("trade_type"), fields.get("bank_type"), paidAt(fields, outTradeNo),
                new String(body, StandardCharsets.UTF_8));
    }

    /** A signed notification is not refused for its time alone: the payment stands, timed when we store it. */
    private static Instant paidAt(Map<String, String> fields, String outTradeNo) {
        Instant paidAt = WechatTime.parse(fields.get("time_end"));
        if (paidAt == null) {
            log.warn("notification for {} has unreadable time_end '{}'", oneLine(outTradeNo),
                    oneLine(fields.get("time_end")));
        }
        return paidAt;
    }

    private static void requireEqual(Map<String, String> fields, String name, String expected) {
        if (!expected.equals(fields.get(name))) {
            throw invalid(Problem.NOT_SUCCESS, fields.get("out_trade_no"),
                    "%s is %s, not %s".formatted(name, fields.get(name), expected));
        }
    }

    /** Fen as WeChat writes them: 1 to 18 ASCII digits, so Long.parseLong cannot overflow or take a sign. */
    private static long fen(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (!WechatMessages.isFen(value)) {
            throw invalid(Problem.MALFORMED, fields.get("out_trade_no"), "%s is not a number of fen".formatted(name));
        }
        return Long.parseLong(value);
    }

    private static InvalidNotificationException invalid(Problem problem, String outTradeNo, String reason) {
        // Both come from an unverified body: no line breaks may reach the log.
        log.warn("WeChat notification refused, out_trade_no={}: {}", oneLine(outTradeNo), oneLine(reason));
        return new InvalidNotificationException(problem, outTradeNo, reason);
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n\\t]", "_");
    }
}
