package com.changgou.pay.wechat;

import java.time.Instant;

/**
 * A verified orderquery answer for an order WeChat knows. {@code transactionId} and
 * {@code paidAt} (WeChat's time_end) are set only once it was paid.
 */
public record TradeQueryResult(
        TradeState state, String outTradeNo, String transactionId, long totalFee, Instant paidAt, String stateDesc) {
}
