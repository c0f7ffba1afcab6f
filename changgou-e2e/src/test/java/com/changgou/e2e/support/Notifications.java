package com.changgou.e2e.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crafts WeChat payment notifications the way an attacker or a broken proxy would, and posts
 * them to the suite's public notify URL. Signed with the sandbox's throw-away key.
 */
public final class Notifications {

    static final String APP_ID = "wx8888888888888888";
    static final String MCH_ID = "1900000001";
    static final String KEY = "sandboxkey0000000000000000000000";

    private Notifications() {
    }

    /** A complete SUCCESS notification for an order, correctly signed unless changed afterwards. */
    public static Map<String, String> paid(String outTradeNo, long totalFee) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("appid", APP_ID);
        fields.put("mch_id", MCH_ID);
        fields.put("nonce_str", UUID.randomUUID().toString().replace("-", ""));
        fields.put("return_code", "SUCCESS");
        fields.put("result_code", "SUCCESS");
        fields.put("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        fields.put("is_subscribe", "N");
        fields.put("trade_type", "NATIVE");
        fields.put("bank_type", "OTHERS");
        fields.put("total_fee", Long.toString(totalFee));
        fields.put("cash_fee", Long.toString(totalFee));
        fields.put("fee_type", "CNY");
        fields.put("transaction_id", "4200000" + System.nanoTime());
        fields.put("out_trade_no", outTradeNo);
        fields.put("time_end", "20261201120000");
        fields.put("sign_type", "HMAC-SHA256");
        fields.put("sign", sign(fields));
        return fields;
    }

    /** WeChat's HMAC-SHA256 signature over every non-empty field but {@code sign}. */
    public static String sign(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> {
            if (!k.equals("sign") && v != null && !v.isEmpty()) {
                text.append(k).append('=').append(v).append('&');
            }
        });
        text.append("key=").append(KEY);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String xml(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((k, v) -> xml.append('<').append(k).append("><![CDATA[").append(v).append("]]></").append(k).append('>'));
        return xml.append("</xml>").toString();
    }

    /** Posts a body to the suite's notify URL through the gateway, as WeChat's server does. */
    public static HttpResponse<String> post(Suite suite, String body) {
        return Http.send(Http.request(suite.gateway().resolve("/api/pay/wxpay/notify"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public static boolean succeeded(HttpResponse<String> reply) {
        return reply.body().replace(" ", "").contains("<return_code><![CDATA[SUCCESS]]></return_code>")
                || reply.body().contains("<return_code>SUCCESS</return_code>");
    }
}
