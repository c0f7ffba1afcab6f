package com.changgou.pay.payment;

import com.changgou.pay.api.PayChannel;
import java.time.Instant;

/**
 * A channel's word that an out_trade_no was paid, from a verified notification or a query: WeChat's
 * transaction_id or Alipay's trade_no as {@code transactionId}. {@code paidAt} is when the money was
 * taken, null when not said; {@code raw} is what was sent (the notification body), or null for a query.
 * The record must be of the same {@code channel}: Alipay's word never pays a WeChat record.
 */
public record PaidTrade(PayChannel channel, String outTradeNo, String transactionId, long totalFee, Instant paidAt,
                        String raw) {

    /** WeChat's word, as every caller from before Alipay says it. */
    public PaidTrade(String outTradeNo, String transactionId, long totalFee, Instant paidAt, String raw) {
        this(PayChannel.WECHAT, outTradeNo, transactionId, totalFee, paidAt, raw);
    }
}
