package com.changgou.pay.wechat;

/**
 * A verified orderquery answer for an order WeChat knows. {@code transactionId} and
 * {@code timeEnd} are set only once it was paid.
 */
public record TradeQueryResult(
        TradeState state, String outTradeNo, String transactionId, long totalFee, String timeEnd, String stateDesc) {
}
