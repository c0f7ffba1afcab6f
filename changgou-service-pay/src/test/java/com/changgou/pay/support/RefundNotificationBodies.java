package com.changgou.pay.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refund notifications as WeChat's server writes them, for the integration tests: the details as
 * {@code <root>} XML, AES-256-ECB under md5hex(key), Base64, inside an unsigned {@code <xml>}.
 * Written apart from the production decryption (which a test pins against openssl).
 */
public final class RefundNotificationBodies {

    public static final String APP_ID = "wxtest0000000000";
    public static final String MCH_ID = "1900000009";
    public static final String KEY = "testkey0000000000000000000000000";

    private RefundNotificationBodies() {
    }

    public static Map<String, String> details(String outRefundNo, String outTradeNo, String transactionId,
                                              String refundId, long totalFee, long refundFee, String status) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("out_refund_no", outRefundNo);
        details.put("out_trade_no", outTradeNo);
        details.put("refund_account", "REFUND_SOURCE_RECHARGE_FUNDS");
        details.put("refund_fee", Long.toString(refundFee));
        details.put("refund_id", refundId);
        details.put("refund_recv_accout", "支付用户零钱");
        details.put("refund_request_source", "API");
        details.put("refund_status", status);
        details.put("settlement_refund_fee", Long.toString(refundFee));
        details.put("settlement_total_fee", Long.toString(totalFee));
        details.put("success_time", "2026-12-01 13:00:00");
        details.put("total_fee", Long.toString(totalFee));
        details.put("transaction_id", transactionId);
        return details;
    }

    public static String reqInfo(Map<String, String> details, String key) {
        StringBuilder root = new StringBuilder("<root>");
        details.forEach((name, value) -> root.append('<').append(name).append("><![CDATA[").append(value)
                .append("]]></").append(name).append('>'));
        root.append("</root>");
        return Base64.getEncoder().encodeToString(encrypt(root.toString().getBytes(StandardCharsets.UTF_8), key));
    }

    public static byte[] body(String reqInfo, String appId, String mchId) {
        return ("<xml><return_code>SUCCESS</return_code><appid><![CDATA[%s]]></appid><mch_id><![CDATA[%s]]></mch_id>"
                + "<nonce_str><![CDATA[0b9f35f484df17a732e537c37708d1d0]]></nonce_str><req_info><![CDATA[%s]]></req_info></xml>")
                .formatted(appId, mchId, reqInfo).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] body(Map<String, String> details) {
        return body(reqInfo(details, KEY), APP_ID, MCH_ID);
    }

    private static byte[] encrypt(byte[] plain, String key) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HexFormat.of().formatHex(md5).getBytes(StandardCharsets.US_ASCII), "AES"));
            return aes.doFinal(plain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
