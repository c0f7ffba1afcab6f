package com.changgou.sandbox.alipay.trade;

import java.time.Instant;

/**
 * One refund, made at once as alipay.trade.refund does. {@code refundedAfter}: the trade's total refunded once
 * this one was made (what the refund answer calls refund_fee).
 */
public record AlipayRefund(String outRequestNo, long amountFen, String reason, Instant at, long refundedAfter) {
}
