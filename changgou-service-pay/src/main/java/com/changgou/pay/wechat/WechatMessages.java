package com.changgou.pay.wechat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks of a parsed WeChat message against the merchant's settings: the signature (over every
 * field, in the sign_type the message names), appid and mch_id. Each check answers the reason it
 * failed, never a sign we computed: that would hand out signatures over attacker-chosen fields.
 */
final class WechatMessages {

    /** err_codes meaning "try again": WeChat did not decide, so the outcome is unknown, not refused. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("SYSTEMERROR", "BIZERR_NEED_RETRY");

    /** Fen as WeChat writes them: 1 to 18 ASCII digits, so Long.parseLong cannot overflow or take a sign. */
    private static final Pattern FEN = Pattern.compile("[0-9]{1,18}");

    private static final Logger log = LoggerFactory.getLogger(WechatMessages.class);

    private final WechatPayProperties properties;

    WechatMessages(WechatPayProperties properties) {
        this.properties = properties;
    }

    /** Whether {@code value} is an amount in fen as WeChat writes them (compiled once: every notification asks). */
    static boolean isFen(String value) {
        return FEN.matcher(value).matches();
    }

    /** Why a message must not be believed: its signature, or whose it is. */
    record Distrust(boolean signature, String reason) {
    }

    /**
     * Why this message must not be believed, or empty when its sign, appid and mch_id are ours.
     * A message naming its sign_type is checked in that type only; one naming none in any of
     * {@code unnamed}: both need our key, so accepting either forges nothing.
     */
    Optional<Distrust> untrusted(Map<String, String> fields, List<WechatSignType> unnamed) {
        String named = fields.get("sign_type");
        List<WechatSignType> types = named == null || named.isEmpty() ? unnamed
                : WechatSignType.fromWire(named).map(List::of).orElse(List.of());
        if (types.isEmpty()) {
            return Optional.of(new Distrust(true, "unknown sign_type " + named));
        }
        if (!fields.containsKey("sign") || fields.get("sign").isEmpty()) {
            return Optional.of(new Distrust(true, "no sign"));
        }
        if (types.stream().noneMatch(type -> WechatSignature.verify(fields, type, properties.key()))) {
            return Optional.of(new Distrust(true, "wrong %s sign".formatted(
                    types.stream().map(WechatSignType::wireName).collect(Collectors.joining(" or ")))));
        }
        if (!properties.appId().equals(fields.get("appid"))) {
            return Optional.of(new Distrust(false, "appid %s is not ours".formatted(fields.get("appid"))));
        }
        if (!properties.mchId().equals(fields.get("mch_id"))) {
            return Optional.of(new Distrust(false, "mch_id %s is not ours".formatted(fields.get("mch_id"))));
        }
        return Optional.empty();
    }

    /**
     * Sign types a notification without sign_type may carry: WeChat documents MD5 as the default,
     * yet signs notifications the way the order was placed, which is ours.
     */
    List<WechatSignType> notificationSignTypes() {
        return properties.signType() == WechatSignType.MD5
                ? List.of(WechatSignType.MD5) : List.of(properties.signType(), WechatSignType.MD5);
    }

    /** A verified API answer's fields: return_code SUCCESS, signed by our key, for our appid/mch_id. */
    Map<String, String> verifiedAnswer(String body, String api, String outTradeNo) {
        Map<String, String> fields;
        try {
            fields = WechatXml.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (WechatXml.MalformedWechatXmlException e) {
            throw unavailable(api, outTradeNo, "unreadable answer: " + e.getMessage());
        }
        if (!"SUCCESS".equals(fields.get("return_code"))) {
            throw unavailable(api, outTradeNo, "return_code %s (%s)"
                    .formatted(fields.get("return_code"), fields.get("return_msg")));
        }
        // WeChat answers in the sign type of the request, which is ours.
        untrusted(fields, List.of(properties.signType())).ifPresent(distrust -> {
            throw unavailable(api, outTradeNo, "answer not believed: " + distrust.reason());
        });
        if (fields.containsKey("out_trade_no") && !outTradeNo.equals(fields.get("out_trade_no"))) {
            throw unavailable(api, outTradeNo, "answer is about out_trade_no " + fields.get("out_trade_no"));
        }
        return fields;
    }

    /** Whether result_code is SUCCESS; a FAIL's err_code is returned so callers can map what the contract calls a result. */
    static Optional<String> failure(Map<String, String> fields, String api, String outTradeNo) {
        String resultCode = fields.get("result_code");
        if ("SUCCESS".equals(resultCode)) {
            return Optional.empty();
        }
        String errCode = fields.get("err_code");
        if (!"FAIL".equals(resultCode) || errCode == null || errCode.isEmpty()) {
            throw unavailable(api, outTradeNo, "result_code %s without err_code".formatted(resultCode));
        }
        if (TRANSIENT_ERRORS.contains(errCode)) {
            throw unavailable(api, outTradeNo, "WeChat asks to retry: %s (%s)".formatted(errCode, fields.get("err_code_des")));
        }
        return Optional.of(errCode);
    }

    static WechatRejectedException rejected(Map<String, String> fields) {
        return new WechatRejectedException(fields.get("err_code"), fields.get("err_code_des"));
    }

    static String required(Map<String, String> fields, String name, String api, String outTradeNo) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw unavailable(api, outTradeNo, "answer lacks " + name);
        }
        return value;
    }

    static WechatUnavailableException unavailable(String api, String outTradeNo, String reason) {
        log.warn("WeChat {} out_trade_no={} not believed: {}", api, outTradeNo, reason);
        return new WechatUnavailableException("WeChat %s for out_trade_no %s: %s".formatted(api, outTradeNo, reason));
    }
}
