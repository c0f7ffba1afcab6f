package com.changgou.sandbox.alipay.web;

import com.changgou.sandbox.alipay.protocol.Yuan;
import com.changgou.sandbox.alipay.trade.AlipayRefund;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import java.time.Instant;
import java.util.List;

/**
 * A trade as the JSON API and the console show it; amounts in fen, yuan only for display. The call counts say
 * how often the merchant used query, close, refund and fastpay.refund.query on it.
 */
public record AlipayTradeView(
        String outTradeNo,
        String tradeNo,
        String subject,
        long totalFen,
        String totalYuan,
        String tradeStatus,
        String notifyUrl,
        String returnUrl,
        String quitUrl,
        Instant createdAt,
        Instant timeExpire,
        String buyerId,
        String buyerLogonId,
        Instant paidAt,
        Instant closedAt,
        long refundedFen,
        List<AlipayRefund> refunds,
        String fault,
        int queries,
        int closes,
        int refundRequests,
        int refundQueries,
        String cashierUrl,
        List<AlipayTrade.Notified> notifications) {

    static AlipayTradeView of(AlipayTrade trade) {
        AlipayTrade.Snapshot now = trade.snapshot();
        AlipayTrade.Payment payment = now.payment();
        return new AlipayTradeView(trade.outTradeNo(), trade.tradeNo(), trade.order().subject(),
                trade.order().totalFen(), Yuan.of(trade.order().totalFen()), now.status().name(),
                trade.order().notifyUrl(), trade.order().returnUrl(), trade.order().quitUrl(), trade.createdAt(),
                trade.order().timeExpire(), payment == null ? null : payment.buyerId(),
                payment == null ? null : payment.buyerLogonId(), payment == null ? null : payment.paidAt(),
                now.closedAt(), now.refundedFen(), now.refunds(), now.fault(), count(now, AlipayTrade.Call.QUERY),
                count(now, AlipayTrade.Call.CLOSE), count(now, AlipayTrade.Call.REFUND),
                count(now, AlipayTrade.Call.REFUND_QUERY), "/alipay/cashier?token=" + trade.cashierToken(),
                now.notifications());
    }

    private static int count(AlipayTrade.Snapshot snapshot, AlipayTrade.Call call) {
        return snapshot.calls().getOrDefault(call, 0);
    }
}
