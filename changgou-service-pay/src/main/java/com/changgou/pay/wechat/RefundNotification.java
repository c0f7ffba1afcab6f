package com.changgou.pay.wechat;

import com.changgou.pay.api.RefundState;
import java.time.Instant;

/**
 * A refund notification that came from our merchant and decrypted under our key: its appid and
 * mch_id are ours and its {@code req_info} opened. {@code state} is SUCCESS, CHANGE or REFUNDCLOSE;
 * {@code details} is the decrypted {@code <root>} XML, kept for the record (it holds no secret).
 */
public record RefundNotification(
        String outRefundNo,
        String outTradeNo,
        String transactionId,
        String refundId,
        long totalFee,
        long refundFee,
        RefundState state,
        Instant successTime,
        String details) {
}
