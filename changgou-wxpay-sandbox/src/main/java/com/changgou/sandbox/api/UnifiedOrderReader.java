package com.changgou.sandbox.api;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.trade.OrderRequest;
import com.changgou.sandbox.trade.TradeRefusedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the fields of a NATIVE unifiedorder into an {@link OrderRequest}, refusing what WeChat refuses. */
final class UnifiedOrderReader {

    static final List<String> REQUIRED = List.of(WxFields.APPID, WxFields.MCH_ID, WxFields.NONCE_STR, WxFields.SIGN,
            "body", "out_trade_no", "total_fee", "spbill_create_ip", "notify_url", "trade_type", "product_id");

    /** Fields that vary between honest retries of the same order, so they do not make it "another" order. */
    private static final Set<String> NOT_TERMS =
            Set.of(WxFields.NONCE_STR, WxFields.SIGN, WxFields.SIGN_TYPE, "spbill_create_ip");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_\\-|*@]{1,32}");
    private static final Pattern FEE = Pattern.compile("[1-9][0-9]{0,9}");

    private UnifiedOrderReader() {
    }

    static OrderRequest read(Map<String, String> fields, SignType signType) {
        String outTradeNo = fields.get("out_trade_no");
        require(OUT_TRADE_NO.matcher(outTradeNo).matches(), "out_trade_no参数格式错误");
        require(FEE.matcher(fields.get("total_fee")).matches(), "total_fee参数格式错误，须为正整数(分)");
        require("NATIVE".equals(fields.get("trade_type")), "trade_type参数错误，沙箱只支持NATIVE");
        String feeType = fields.get("fee_type");
        require(feeType == null || feeType.isEmpty() || "CNY".equals(feeType), "fee_type参数错误，只支持CNY");
        require(fields.get("body").length() <= 128, "body参数长度超过128");
        require(isHttpUrl(fields.get("notify_url")), "notify_url参数格式错误");
        return new OrderRequest(outTradeNo, fields.get("body"), fields.get("attach"),
                Long.parseLong(fields.get("total_fee")), fields.get("notify_url"), fields.get("product_id"),
                timeExpire(fields.get("time_expire")), signType, terms(fields));
    }

    private static Instant timeExpire(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return WxTime.parse(text).orElseThrow(() ->
                new TradeRefusedException("INVALID_REQUEST", "time_expire参数格式错误，须为yyyyMMddHHmmss"));
    }

    private static Map<String, String> terms(Map<String, String> fields) {
        Map<String, String> terms = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!NOT_TERMS.contains(name) && !value.isEmpty()) {
                terms.put(name, value);
            }
        });
        return terms;
    }

    /** An absolute http(s) URL of at most 256 characters, as WeChat requires of every notify_url. */
    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return text.length() <= 256 && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void require(boolean condition, String description) {
        if (!condition) {
            throw new TradeRefusedException("INVALID_REQUEST", description);
        }
    }
}
