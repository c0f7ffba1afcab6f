package com.changgou.sandbox.notify;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.ReqInfoCipher;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.refund.SandboxRefund;
import com.changgou.sandbox.trade.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The XML WeChat POSTs to a refund's notify_url: unsigned, the refund itself only inside {@code req_info}
 * (a {@code <root>} document encrypted with the merchant key), so only the merchant can read or forge it.
 */
@Component
class RefundNotificationMessages {

    private final SandboxProperties properties;
    private final ReqInfoCipher cipher;
    private final Ids ids;

    RefundNotificationMessages(SandboxProperties properties, Ids ids) {
        this.properties = properties;
        this.cipher = new ReqInfoCipher(properties.key());
        this.ids = ids;
    }

    String of(RefundNotice notice) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(WxFields.RETURN_CODE, WxFields.SUCCESS);
        fields.put(WxFields.APPID, properties.appId());
        fields.put(WxFields.MCH_ID, properties.mchId());
        fields.put(WxFields.NONCE_STR, ids.nonce());
        fields.put("req_info", cipher.encrypt(WxXml.write("root", plaintext(notice))));
        return WxXml.write(fields);
    }

    private static Map<String, String> plaintext(RefundNotice notice) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("transaction_id", notice.transactionId());
        fields.put("out_trade_no", notice.outTradeNo());
        fields.put("refund_id", notice.refundId());
        fields.put("out_refund_no", notice.outRefundNo());
        fields.put("total_fee", Long.toString(notice.totalFee()));
        fields.put("settlement_total_fee", Long.toString(notice.totalFee()));
        fields.put("refund_fee", Long.toString(notice.refundFee()));
        fields.put("settlement_refund_fee", Long.toString(notice.refundFee()));
        fields.put("refund_status", notice.refundStatus());
        fields.put("success_time", notice.successTime() == null ? null : WxTime.formatDateTime(notice.successTime()));
        fields.put("refund_recv_accout", SandboxRefund.RECEIVING_ACCOUNT);
        fields.put("refund_account", SandboxRefund.FUNDS_SOURCE);
        fields.put("refund_request_source", "API");
        return fields;
    }
}
