package com.changgou.pay.alipay;

import java.time.Instant;

/**
 * A verified alipay.trade.fastpay.refund.query answer about a refund Alipay knows: {@code refunded} once
 * its refund_status is REFUND_SUCCESS. Amounts in fen ({@code totalFee} is the trade's).
 */
public record AlipayRefundStatus(String outRefundNo, String outTradeNo, String tradeNo, long totalFee, long refundFee,
                                 boolean refunded, Instant refundedAt) {
}
