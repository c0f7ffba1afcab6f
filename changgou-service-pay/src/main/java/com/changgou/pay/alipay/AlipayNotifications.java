package com.changgou.pay.alipay;

import com.changgou.pay.alipay.InvalidAlipayNotificationException.Problem;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alipay's asynchronous notification, a form-encoded POST: decoded once (strict UTF-8, every name at most
 * once), verified (RSA2 over every parameter but sign and sign_type), checked against our app_id and, when
 * configured, our seller_id, and read into a typed {@link AlipayTrade} with an exact amount. Whether the
 * trade is ours is for the caller, which holds the pay records.
 */
final class AlipayNotifications {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifications.class);

    private final AlipayProperties properties;
    private final PublicKey alipayKey;

    AlipayNotifications(AlipayProperties properties, PublicKey alipayKey) {
        this.properties = properties;
        this.alipayKey = alipayKey;
    }

    AlipayTrade parse(byte[] body) {
        Map<String, String> params = decode(body);
        // What the body claims to be about, before anything is believed: the notification log keeps it.
        String named = params.get("out_trade_no");
        if (params.containsKey("sign_type") && !"RSA2".equals(params.get("sign_type"))) {
            throw invalid(Problem.BAD_SIGNATURE, named, "sign_type " + params.get("sign_type") + " is not RSA2");
        }
        if (params.containsKey("charset") && !"utf-8".equalsIgnoreCase(params.get("charset"))) {
            throw invalid(Problem.MALFORMED, named, "charset " + params.get("charset") + " is not utf-8");
        }
        if (!AlipaySignature.verify(AlipaySignature.content(params, AlipaySignature.NOTIFICATION_UNSIGNED),
                params.get("sign"), alipayKey)) {
            throw invalid(Problem.BAD_SIGNATURE, named,
                    params.containsKey("sign") ? "signature does not verify" : "no sign");
        }
        if (!properties.appId().equals(params.get("app_id"))) {
            throw invalid(Problem.MERCHANT_MISMATCH, named, "app_id " + params.get("app_id") + " is not ours");
        }
        if (properties.sellerId() != null && !properties.sellerId().equals(params.get("seller_id"))) {
            throw invalid(Problem.MERCHANT_MISMATCH, named, "seller_id " + params.get("seller_id") + " is not ours");
        }
        String outTradeNo = required(params, "out_trade_no");
        AlipayTradeStatus status = AlipayTradeStatus.of(required(params, "trade_status"))
                .orElseThrow(() -> invalid(Problem.MALFORMED, outTradeNo,
                        "unknown trade_status " + params.get("trade_status")));
        long fen = Yuan.toFen(required(params, "total_amount"))
                .orElseThrow(() -> invalid(Problem.MALFORMED, outTradeNo,
                        "total_amount '%s' is not an exact yuan amount".formatted(params.get("total_amount"))));
        return new AlipayTrade(outTradeNo, required(params, "trade_no"), status, fen,
                AlipayTime.parse(params.get("gmt_payment")), new String(body, StandardCharsets.UTF_8));
    }

    /** The parameters, each decoded once; a repeated name, a part without '=' or bad UTF-8 refuses the whole body. */
    static Map<String, String> decode(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(Problem.MALFORMED, null, "body is not UTF-8");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : text.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw invalid(Problem.MALFORMED, null, "malformed parameter");
            }
            String name;
            String value;
            try {
                name = URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid(Problem.MALFORMED, null, "malformed percent-encoding");
            }
            if (params.putIfAbsent(name, value) != null) {
                throw invalid(Problem.MALFORMED, null, "parameter " + name + " repeated");
            }
        }
        if (params.isEmpty()) {
            throw invalid(Problem.MALFORMED, null, "empty body");
        }
        return params;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid(Problem.MALFORMED, params.get("out_trade_no"), "no " + name);
        }
        return value;
    }

    private static InvalidAlipayNotificationException invalid(Problem problem, String outTradeNo, String reason) {
        log.warn("Alipay notification refused, out_trade_no={}: {}", oneLine(outTradeNo), oneLine(reason));
        return new InvalidAlipayNotificationException(problem, outTradeNo, reason);
    }

    private static String oneLine(String text) {
        // Decoded from an unverified body: no line breaks may reach the log.
        return text == null ? null : text.replaceAll("[\\r\\n\\t]", "_");
    }
}
