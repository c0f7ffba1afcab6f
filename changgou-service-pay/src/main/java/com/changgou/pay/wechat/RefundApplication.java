package com.changgou.pay.wechat;

/**
 * A refund to ask {@code /secapi/pay/refund} for. {@code outRefundNo} is the same on every ask, so
 * WeChat makes it at most once; fees are in fen, {@code totalFee} the payment's; {@code reason} is
 * WeChat's {@code refund_desc} (null for none).
 */
public record RefundApplication(
        String outRefundNo, String outTradeNo, String transactionId, long totalFee, long refundFee, String reason) {
}
