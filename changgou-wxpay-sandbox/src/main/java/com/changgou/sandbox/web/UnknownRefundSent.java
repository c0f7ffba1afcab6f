package com.changgou.sandbox.web;

import com.changgou.sandbox.trade.NotifyAttempt;

/** The made-up refund that was notified and what the merchant answered. */
record UnknownRefundSent(String outRefundNo, String outTradeNo, String transactionId, String refundId,
                         NotifyAttempt attempt) {
}
