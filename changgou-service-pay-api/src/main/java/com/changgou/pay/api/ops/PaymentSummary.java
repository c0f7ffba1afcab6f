package com.changgou.pay.api.ops;

import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import java.time.Instant;

/** One pay record as operators find it: by order id, WeChat's/Alipay's transaction id, or time. Money in fen. */
public record PaymentSummary(
        String outTradeNo,
        String orderId,
        String username,
        PayChannel channel,
        PayState state,
        long totalFee,
        String transactionId,
        Instant createdAt,
        Instant paidAt) {
}
