package com.changgou.sandbox.alipay.notify;

import com.changgou.sandbox.alipay.AlipayProperties;
import com.changgou.sandbox.alipay.protocol.AlipayKeys;
import com.changgou.sandbox.alipay.protocol.AlipayTime;
import com.changgou.sandbox.alipay.protocol.Yuan;
import com.changgou.sandbox.alipay.trade.AlipayIds;
import com.changgou.sandbox.alipay.trade.AlipayRefund;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import com.changgou.sandbox.alipay.trade.AlipayTradeStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The trade_status_sync notifications Alipay POSTs to notify_url: a payment (TRADE_SUCCESS), a refund (partial:
 * TRADE_SUCCESS, full: TRADE_CLOSED, both with out_biz_no = out_request_no, refund_fee = refunded so far and
 * gmt_refund) and a close of an unpaid trade (TRADE_CLOSED). Signed over every field but sign and sign_type.
 */
@Component
class AlipayNotices {

    private final AlipayKeys keys;
    private final AlipayProperties properties;
    private final AlipayIds ids;
    private final Clock clock;

    AlipayNotices(AlipayKeys keys, AlipayProperties properties, AlipayIds ids, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    AlipayNotice paid(AlipayTrade trade) {
        return signed(common(trade, AlipayTradeStatus.TRADE_SUCCESS), null);
    }

    AlipayNotice refunded(AlipayTrade trade, AlipayRefund refund) {
        AlipayTrade.Snapshot now = trade.snapshot();
        boolean full = refund.refundedAfter() == trade.order().totalFen();
        Map<String, String> fields = common(trade, full ? AlipayTradeStatus.TRADE_CLOSED : AlipayTradeStatus.TRADE_SUCCESS);
        fields.put("out_biz_no", refund.outRequestNo());
        fields.put("refund_fee", Yuan.of(refund.refundedAfter()));
        fields.put("gmt_refund", AlipayTime.formatMillis(refund.at()));
        if (full && now.closedAt() != null) {
            fields.put("gmt_close", AlipayTime.format(now.closedAt()));
        }
        return signed(fields, refund.outRequestNo());
    }

    AlipayNotice closed(AlipayTrade trade) {
        Map<String, String> fields = common(trade, AlipayTradeStatus.TRADE_CLOSED);
        Instant closedAt = trade.snapshot().closedAt();
        fields.put("gmt_close", AlipayTime.format(closedAt == null ? clock.instant() : closedAt));
        return signed(fields, null);
    }

    private Map<String, String> common(AlipayTrade trade, AlipayTradeStatus status) {
        AlipayTrade.Payment payment = trade.snapshot().payment();
        String total = Yuan.of(trade.order().totalFen());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("notify_time", AlipayTime.format(clock.instant()));
        fields.put("notify_type", "trade_status_sync");
        fields.put("notify_id", ids.notifyId());
        fields.put("app_id", properties.appId());
        fields.put("auth_app_id", properties.appId());
        fields.put("charset", "utf-8");
        fields.put("version", "1.0");
        fields.put("sign_type", "RSA2");
        fields.put("trade_no", trade.tradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        fields.put("seller_id", properties.sellerId());
        fields.put("trade_status", status.name());
        fields.put("total_amount", total);
        fields.put("subject", trade.order().subject());
        fields.put("gmt_create", AlipayTime.format(trade.createdAt()));
        if (payment != null) {
            fields.put("buyer_id", payment.buyerId());
            fields.put("buyer_logon_id", payment.buyerLogonId());
            fields.put("receipt_amount", total);
            fields.put("invoice_amount", total);
            fields.put("buyer_pay_amount", total);
            fields.put("point_amount", "0.00");
            fields.put("gmt_payment", AlipayTime.format(payment.paidAt()));
        }
        return fields;
    }

    private AlipayNotice signed(Map<String, String> fields, String outBizNo) {
        return new AlipayNotice(fields.get("notify_id"), fields.get("trade_status"), outBizNo,
                keys.signNotification(fields));
    }
}
