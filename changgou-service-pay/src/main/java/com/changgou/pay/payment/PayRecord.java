package com.changgou.pay.payment;

import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import java.time.Instant;

/** A row of {@code pay_record}: one out_trade_no of an order at WeChat or Alipay ({@code channel}). Money in fen. */
public record PayRecord(
        String outTradeNo,
        String orderId,
        String username,
        long totalFee,
        PayState status,
        String codeUrl,
        String prepayId,
        String token,
        Instant timeExpire,
        String transactionId,
        Instant paidAt,
        Instant createTime,
        Instant updateTime,
        PayChannel channel) {

    boolean isOpen() {
        return status.isOpen();
    }
}
