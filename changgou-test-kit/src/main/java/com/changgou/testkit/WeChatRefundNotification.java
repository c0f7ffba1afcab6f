package com.changgou.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A refund notification as WeChat's server sends it: not signed, but with the refund's details in
 * {@code req_info}, AES-256-ECB (PKCS#7 padding) under the lower-case hex MD5 of the merchant key,
 * Base64-encoded. The end-to-end tests forge, tamper with and replay it; it is written from WeChat's
 * description, apart from the suite's own decryption, so each checks the other.
 */
public final class WeChatRefundNotification {

    private final String appId;
    private final String mchId;
    private final String key;

    public WeChatRefundNotification(String appId, String mchId, String key) {
        this.appId = appId;
        this.mchId = mchId;
        this.key = key;
    }

    public static WeChatRefundNotification fromEnvironment(Map<String, String> env) {
        return new WeChatRefundNotification(env.getOrDefault("WXPAY_APPID", "wx8888888888888888"),
                env.getOrDefault("WXPAY_MCH_ID", "1900000001"),
                env.getOrDefault("WXPAY_KEY", "sandboxkey0000000000000000000000"));
    }

    /** The same merchant with another key: what a forger without the merchant key can make. */
    public WeChatRefundNotification withKey(String otherKey) {
        return new WeChatRefundNotification(appId, mchId, otherKey);
    }

    /** The details of one refund, in the order WeChat lists them; change any before encrypting. */
    public static Map<String, String> details(String outTradeNo, String transactionId, String outRefundNo,
                                              String refundId, long totalFee, long refundFee, String status) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("transaction_id", transactionId);
        fields.put("out_trade_no", outTradeNo);
        fields.put("refund_id", refundId);
        fields.put("out_refund_no", outRefundNo);
        fields.put("total_fee", Long.toString(totalFee));
        fields.put("refund_fee", Long.toString(refundFee));
        fields.put("settlement_refund_fee", Long.toString(refundFee));
        fields.put("refund_status", status);
        fields.put("success_time", "2026-01-01 12:00:00");
        fields.put("refund_recv_accout", "支付用户零钱");
        fields.put("refund_account", "REFUND_SOURCE_RECHARGE_FUNDS");
        fields.put("refund_request_source", "API");
        return fields;
    }

    /** The whole notification body for these details. */
    public String body(Map<String, String> details) {
        return body(reqInfo(details));
    }

    /** A notification body around any {@code req_info} (a tampered one, say). */
    public String body(String reqInfo) {
        Map<String, String> outer = new LinkedHashMap<>();
        outer.put("return_code", "SUCCESS");
        outer.put("appid", appId);
        outer.put("mch_id", mchId);
        outer.put("nonce_str", UUID.randomUUID().toString().replace("-", ""));
        outer.put("req_info", reqInfo);
        return WeChatNotification.xml(outer);
    }

    /** {@code req_info} for these details: {@code <root>} XML, encrypted, Base64. */
    public String reqInfo(Map<String, String> details) {
        StringBuilder root = new StringBuilder("<root>");
        details.forEach((name, value) -> root.append('<').append(name).append("><![CDATA[").append(value)
                .append("]]></").append(name).append('>'));
        root.append("</root>");
        return Base64.getEncoder().encodeToString(encrypt(root.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** AES-256-ECB under the UTF-8 bytes of md5hex(key), lower case: WeChat's refund notification key. */
    byte[] encrypt(byte[] plain) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey(key), "AES"));
            return aes.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-ECB is not available", e);
        }
    }

    static byte[] aesKey(String merchantKey) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(merchantKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
