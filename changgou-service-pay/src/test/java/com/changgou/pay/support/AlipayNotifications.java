package com.changgou.pay.support;

import com.changgou.pay.alipay.AlipayTestKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Alipay's asynchronous notifications as Alipay posts them: form-encoded, signed over all but sign and sign_type. */
public final class AlipayNotifications {

    public static final String APP_ID = "2021000000000001";
    public static final String SELLER_ID = "2088000000000001";

    private AlipayNotifications() {
    }

    /** The parameters of a genuine notification (unsigned yet). */
    public static Map<String, String> paid(String outTradeNo, String tradeNo, String totalAmount) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("gmt_create", "2026-12-01 11:59:00");
        params.put("charset", "utf-8");
        params.put("seller_email", "shop@example.com");
        params.put("subject", "Changgou order");
        params.put("buyer_id", "2088102177846880");
        params.put("invoice_amount", totalAmount);
        params.put("notify_id", "2026120100222120000" + Math.abs(tradeNo.hashCode()));
        params.put("fund_bill_list", "[{\"amount\":\"" + totalAmount + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        params.put("notify_type", "trade_status_sync");
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("receipt_amount", totalAmount);
        params.put("app_id", APP_ID);
        params.put("buyer_pay_amount", totalAmount);
        params.put("sign_type", "RSA2");
        params.put("seller_id", SELLER_ID);
        params.put("gmt_payment", "2026-12-01 12:00:00");
        params.put("notify_time", "2026-12-01 12:00:01");
        params.put("version", "1.0");
        params.put("out_trade_no", outTradeNo);
        params.put("total_amount", totalAmount);
        params.put("trade_no", tradeNo);
        params.put("auth_app_id", APP_ID);
        params.put("point_amount", "0.00");
        return params;
    }

    /** Signed with Alipay's test key. */
    public static Map<String, String> signed(Map<String, String> params) {
        return signed(params, AlipayTestKeys.privateKey("alipay-private.pem"));
    }

    public static Map<String, String> signed(Map<String, String> params, PrivateKey key) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.remove("sign");
        out.put("sign", AlipayTestKeys.sign(AlipayTestKeys.content(out, Set.of("sign", "sign_type")), key));
        return out;
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
