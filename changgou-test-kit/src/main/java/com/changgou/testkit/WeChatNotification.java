package com.changgou.testkit;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SUCCESS payment notification as WeChat's server sends it, signed HMAC-SHA256 with the sandbox
 * merchant's throw-away key (WXPAY_APPID, WXPAY_MCH_ID, WXPAY_KEY override it, like the suite's).
 * The bench posts it to measure the push; the end-to-end tests forge and tamper with it.
 */
public final class WeChatNotification {

    private static final AtomicLong TRANSACTIONS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final String appId;
    private final String mchId;
    private final String key;

    public WeChatNotification(String appId, String mchId, String key) {
        this.appId = appId;
        this.mchId = mchId;
        this.key = key;
    }

    public static WeChatNotification fromEnvironment(Map<String, String> env) {
        return new WeChatNotification(env.getOrDefault("WXPAY_APPID", "wx8888888888888888"),
                env.getOrDefault("WXPAY_MCH_ID", "1900000001"),
                env.getOrDefault("WXPAY_KEY", "sandboxkey0000000000000000000000"));
    }

    /** The XML body of a paid notification for one pay record. */
    public String paid(String outTradeNo, long totalFee) {
        return xml(paidFields(outTradeNo, totalFee));
    }

    /** The fields of a paid notification, signed; change one and the sign no longer matches. */
    public Map<String, String> paidFields(String outTradeNo, long totalFee) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("appid", appId);
        fields.put("mch_id", mchId);
        fields.put("nonce_str", UUID.randomUUID().toString().replace("-", ""));
        fields.put("return_code", "SUCCESS");
        fields.put("result_code", "SUCCESS");
        fields.put("openid", "oBench000000000000000000000");
        fields.put("is_subscribe", "N");
        fields.put("trade_type", "NATIVE");
        fields.put("bank_type", "OTHERS");
        fields.put("total_fee", Long.toString(totalFee));
        fields.put("cash_fee", Long.toString(totalFee));
        fields.put("fee_type", "CNY");
        fields.put("transaction_id", "42" + TRANSACTIONS.incrementAndGet());
        fields.put("out_trade_no", outTradeNo);
        fields.put("time_end", "20260101120000");
        fields.put("sign_type", MerchantSign.HMAC_SHA256.wireName());
        fields.put("sign", sign(fields));
        return fields;
    }

    /** The sign of the fields under this merchant's key, by the fields' own {@code sign_type}. */
    public String sign(Map<String, String> fields) {
        return MerchantSign.of(fields.get("sign_type")).sign(fields, key);
    }

    /** The fields as WeChat's V2 XML, every value in CDATA. */
    public static String xml(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> xml.append('<').append(name).append("><![CDATA[").append(value)
                .append("]]></").append(name).append('>'));
        return xml.append("</xml>").toString();
    }

    /** Whether the merchant's reply to a notification says SUCCESS (WeChat retries anything else). */
    public static boolean acknowledged(String reply) {
        return reply.replace(" ", "").contains("<return_code><![CDATA[SUCCESS]]></return_code>")
                || reply.contains("<return_code>SUCCESS</return_code>");
    }
}
