package com.changgou.pay.payment;

import java.time.Instant;

/**
 * WeChat's word that an out_trade_no was paid, from a verified notification or an orderquery.
 * {@code paidAt} is when WeChat took the money, null when it did not say; {@code raw} is what WeChat
 * sent (the notification XML), or null for a query.
 */
public record PaidTrade(String outTradeNo, String transactionId, long totalFee, Instant paidAt, String raw) {
}
