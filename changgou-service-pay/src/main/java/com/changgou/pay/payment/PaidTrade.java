package com.changgou.pay.payment;

/**
 * WeChat's word that an out_trade_no was paid, from a verified notification or an orderquery.
 * {@code raw} is what WeChat sent (the notification XML), or null for a query.
 */
public record PaidTrade(String outTradeNo, String transactionId, long totalFee, String timeEnd, String raw) {
}
