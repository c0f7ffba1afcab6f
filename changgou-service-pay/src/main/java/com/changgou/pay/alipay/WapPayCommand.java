package com.changgou.pay.alipay;

import java.time.Instant;

/** alipay.trade.wap.pay for one pay record: amount in fen, the order's expiry, the order to return to. */
public record WapPayCommand(String outTradeNo, String subject, long totalFee, Instant timeExpire, String orderId) {
}
