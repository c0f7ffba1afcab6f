package com.changgou.pay.api;

/**
 * Asks the pay service to give money back. {@code outRefundNo} is the caller's id for this refund,
 * 1..32 of {@code [A-Za-z0-9_-]}: it becomes WeChat's {@code out_refund_no}, and asking again with
 * it (after a timeout, a crash, a double click) is the same refund, never a second one.
 * {@code transactionId} names WeChat's payment to refund; null means the order's one successful
 * payment. {@code refundFee} is in fen, positive; the pay service refuses it when it exceeds what
 * is left of that payment. {@code reason} is shown to the shopper by WeChat (at most 80 characters).
 */
public record RefundCommand(String outRefundNo, String orderId, String transactionId, long refundFee, String reason) {
}
