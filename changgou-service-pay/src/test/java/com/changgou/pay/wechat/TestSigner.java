package com.changgou.pay.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' own WeChat V2 signer and XML writer/reader, written apart from the production code
 * so that a shared mistake cannot make both sides agree.
 */
final class TestSigner {

    static final String KEY = "testkey0123456789abcdef012345678";
    static final String APP_ID = "wx0000000000000001";
    static final String MCH_ID = "1900000099";

    private static final Pattern FIELD = Pattern.compile("<(\\w+)>(?:<!\\[CDATA\\[(.*?)]]>|([^<]*))</\\1>", Pattern.DOTALL);

    private TestSigner() {
    }

    static String sign(Map<String, String> fields, String signType, String key) {
        String toSign = fields.entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")) + "&key=" + key;
        try {
            byte[] digest;
            if ("HMAC-SHA256".equals(signType)) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8));
            } else {
                digest = MessageDigest.getInstance("MD5").digest(toSign.getBytes(StandardCharsets.UTF_8));
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02X", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields plus a sign over them, in the given sign type. */
    static Map<String, String> signed(Map<String, String> fields, String signType) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("sign", sign(fields, signType, KEY));
        return signed;
    }

    static String xml(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> "<" + e.getKey() + "><![CDATA[" + e.getValue() + "]]></" + e.getKey() + ">")
                .collect(Collectors.joining("", "<xml>", "</xml>"));
    }

    static Map<String, String> read(String xml) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(xml);
        while (m.find()) {
            fields.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return fields;
    }

    static WechatPayProperties properties(String baseUrl, WechatSignType signType) {
        return new WechatPayProperties(java.net.URI.create(baseUrl), APP_ID, MCH_ID, KEY, signType,
                "http://127.0.0.1:1/notify", java.time.Duration.ofMillis(500), java.time.Duration.ofMillis(700),
                3, java.time.Duration.ofMillis(20), null, null, null, "http://127.0.0.1:1/refund-notify");
    }

    /** A paid-order notification as WeChat sends it, unsigned. */
    static Map<String, String> paidNotification(String outTradeNo, long totalFee) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", APP_ID);
        fields.put("bank_type", "OTHERS");
        fields.put("cash_fee", String.valueOf(totalFee));
        fields.put("fee_type", "CNY");
        fields.put("is_subscribe", "N");
        fields.put("mch_id", MCH_ID);
        fields.put("nonce_str", "5d2b6c2a8db53831f7eda20af46e531c");
        fields.put("openid", "oUpF8uMEb4qRXf22hE3X68TekukE");
        fields.put("out_trade_no", outTradeNo);
        fields.put("result_code", "SUCCESS");
        fields.put("return_code", "SUCCESS");
        fields.put("time_end", "20261201203000");
        fields.put("total_fee", String.valueOf(totalFee));
        fields.put("trade_type", "NATIVE");
        fields.put("transaction_id", "4200000000202612010000000001");
        return fields;
    }
}
