package com.changgou.pay.alipay;

import java.time.Instant;

/**
 * What Alipay says about one trade, verified: from alipay.trade.query or a notification. {@code tradeNo}
 * is Alipay's id (the pay record's transaction id), {@code totalFee} the trade's amount in fen,
 * {@code paidAt} when it was paid (null when not, or not said); {@code raw} the notification's body, null for a query.
 */
public record AlipayTrade(String outTradeNo, String tradeNo, AlipayTradeStatus status, long totalFee, Instant paidAt,
                          String raw) {
}
