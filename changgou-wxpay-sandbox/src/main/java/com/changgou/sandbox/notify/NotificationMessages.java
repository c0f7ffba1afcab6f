package com.changgou.sandbox.notify;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxSigner;
import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.trade.Ids;
import com.changgou.sandbox.trade.SandboxOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The XML WeChat POSTs to notify_url, genuine or forged for a fault. */
@Component
class NotificationMessages {

    private final SandboxProperties properties;
    private final WxSigner signer;
    private final Ids ids;

    NotificationMessages(SandboxProperties properties, Ids ids) {
        this.properties = properties;
        this.signer = new WxSigner(properties.key());
        this.ids = ids;
    }

    String genuine(SandboxOrder order) {
        return signed(fields(order, order.request().totalFee()), order.signType());
    }

    /** Signed correctly, but the amount is not the order's: 1 fen for anything dearer, else 2. */
    String wrongAmount(SandboxOrder order) {
        long forged = order.request().totalFee() == 1 ? 2 : 1;
        return signed(fields(order, forged), order.signType());
    }

    /** What an attacker without the key sends: a well-formed signature that does not match. */
    String badSign(SandboxOrder order) {
        Map<String, String> fields = fields(order, order.request().totalFee());
        String sign = signer.sign(fields, order.signType());
        fields.put(WxFields.SIGN, (sign.charAt(0) == 'A' ? "B" : "A") + sign.substring(1));
        return WxXml.write(fields);
    }

    private String signed(Map<String, String> fields, SignType signType) {
        fields.put(WxFields.SIGN, signer.sign(fields, signType));
        return WxXml.write(fields);
    }

    private Map<String, String> fields(SandboxOrder order, long totalFee) {
        SandboxOrder.Payment payment = order.payment().orElseThrow(
                () -> new IllegalStateException("order %s is not paid".formatted(order.outTradeNo())));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(WxFields.APPID, properties.appId());
        fields.put("attach", order.request().attach());
        fields.put("bank_type", payment.bankType());
        fields.put("cash_fee", Long.toString(totalFee));
        fields.put("fee_type", "CNY");
        fields.put("is_subscribe", "N");
        fields.put(WxFields.MCH_ID, properties.mchId());
        fields.put(WxFields.NONCE_STR, ids.nonce());
        fields.put("openid", payment.openId());
        fields.put("out_trade_no", order.outTradeNo());
        fields.put(WxFields.RESULT_CODE, WxFields.SUCCESS);
        fields.put(WxFields.RETURN_CODE, WxFields.SUCCESS);
        if (order.signType() == SignType.HMAC_SHA256) {
            fields.put(WxFields.SIGN_TYPE, SignType.HMAC_SHA256.wireName());
        }
        fields.put("time_end", WxTime.format(payment.paidAt()));
        fields.put("total_fee", Long.toString(totalFee));
        fields.put("trade_type", "NATIVE");
        fields.put("transaction_id", payment.transactionId());
        return fields;
    }
}
