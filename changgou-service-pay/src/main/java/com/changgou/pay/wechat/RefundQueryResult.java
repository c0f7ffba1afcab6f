package com.changgou.pay.wechat;

import com.changgou.pay.api.RefundState;
import java.time.Instant;

/**
 * A verified refundquery answer about one refund WeChat knows: {@code state} is its refund_status
 * (PROCESSING, SUCCESS, CHANGE or REFUNDCLOSE), {@code successTime} set once it succeeded. Fen.
 */
public record RefundQueryResult(
        String outRefundNo,
        String outTradeNo,
        String transactionId,
        String refundId,
        long totalFee,
        long refundFee,
        RefundState state,
        Instant successTime) {
}
