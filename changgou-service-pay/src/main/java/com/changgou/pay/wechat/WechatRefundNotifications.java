package com.changgou.pay.wechat;

import com.changgou.pay.api.RefundState;
import com.changgou.pay.wechat.InvalidNotificationException.Problem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a refund notification body into a {@link RefundNotification}, or says why it must not be
 * believed. WeChat does not sign these: what proves them is {@code req_info}, AES-256-ECB (PKCS#7
 * padding) under the UTF-8 bytes of the lower-case hex MD5 of the merchant key, then Base64. A body
 * that does not decrypt under our key, or whose details are not a plain flat {@code <root>}, is refused.
 */
final class WechatRefundNotifications {

    private static final Logger log = LoggerFactory.getLogger(WechatRefundNotifications.class);

    private static final List<String> REQUIRED = List.of("out_refund_no", "out_trade_no", "transaction_id",
            "refund_id", "total_fee", "refund_fee", "refund_status");
    private static final Set<RefundState> NOTIFIED = Set.of(RefundState.SUCCESS, RefundState.CHANGE, RefundState.REFUNDCLOSE);

    private final WechatPayProperties properties;
    private final SecretKeySpec aesKey;

    WechatRefundNotifications(WechatPayProperties properties) {
        this.properties = properties;
        this.aesKey = new SecretKeySpec(aesKey(properties.key()), "AES");
    }

    /** The AES-256 key of refund notifications: the 32 ASCII bytes of md5hex(merchant key), lower case. */
    static byte[] aesKey(String merchantKey) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(merchantKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    RefundNotification parse(byte[] body) {
        Map<String, String> outer = fields(body, "xml", "notification");
        if (!"SUCCESS".equals(outer.get("return_code"))) {
            throw invalid(Problem.NOT_SUCCESS, null,
                    "return_code is %s, not SUCCESS".formatted(outer.get("return_code")));
        }
        if (!properties.appId().equals(outer.get("appid"))) {
            throw invalid(Problem.MERCHANT_MISMATCH, null, "appid %s is not ours".formatted(outer.get("appid")));
        }
        if (!properties.mchId().equals(outer.get("mch_id"))) {
            throw invalid(Problem.MERCHANT_MISMATCH, null, "mch_id %s is not ours".formatted(outer.get("mch_id")));
        }
        byte[] details = decrypt(outer.get("req_info"));
        Map<String, String> fields = fields(details, "root", "req_info");
        String outRefundNo = fields.get("out_refund_no");
        for (String name : REQUIRED) {
            if (fields.get(name) == null || fields.get(name).isEmpty()) {
                throw invalid(Problem.MALFORMED, outRefundNo, "req_info lacks " + name);
            }
        }
        String status = fields.get("refund_status");
        RefundState state = NOTIFIED.stream().filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> invalid(Problem.MALFORMED, outRefundNo,
                        "refund_status %s is not a result".formatted(status)));
        return new RefundNotification(outRefundNo, fields.get("out_trade_no"), fields.get("transaction_id"),
                fields.get("refund_id"), fen(fields, "total_fee"), fen(fields, "refund_fee"), state,
                WechatTime.parseRefundTime(fields.get("success_time")), new String(details, StandardCharsets.UTF_8));
    }

    private static Map<String, String> fields(byte[] xml, String root, String what) {
        try {
            return WechatXml.parse(xml, root);
        } catch (WechatXml.MalformedWechatXmlException e) {
            throw invalid(Problem.MALFORMED, null, what + ": " + e.getMessage());
        }
    }

    /** Bounded by the body's own bound (WechatXml.MAX_BYTES): the plain text is never longer than the cipher text. */
    private byte[] decrypt(String reqInfo) {
        if (reqInfo == null || reqInfo.isEmpty()) {
            throw invalid(Problem.MALFORMED, null, "no req_info");
        }
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(reqInfo.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw invalid(Problem.DECRYPT_FAILED, null, "req_info is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw invalid(Problem.DECRYPT_FAILED, null,
                    "req_info is %d bytes, not whole AES blocks".formatted(cipherText.length));
        }
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, aesKey);
            return aes.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            // A wrong key or a tampered block mostly shows as bad padding; say so without details of the key.
            throw invalid(Problem.DECRYPT_FAILED, null,
                    "req_info does not decrypt under our key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static long fen(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (!WechatMessages.isFen(value)) {
            throw invalid(Problem.MALFORMED, fields.get("out_refund_no"), "%s is not a number of fen".formatted(name));
        }
        return Long.parseLong(value);
    }

    private static InvalidNotificationException invalid(Problem problem, String outRefundNo, String reason) {
        // Both may come from an unverified body: no line breaks may reach the log.
        log.warn("WeChat refund notification refused, out_refund_no={}: {}", oneLine(outRefundNo), oneLine(reason));
        return new InvalidNotificationException(problem, outRefundNo, reason);
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n\\t]", "_");
    }
}
