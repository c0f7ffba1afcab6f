package com.changgou.sandbox.web;

/**
 * Where to send a notification of a refund that does not exist. Only {@code notifyUrl} is required; the ids are
 * made up when absent, the amounts default to 1 fen.
 */
record UnknownRefundRequest(String notifyUrl, String outRefundNo, String outTradeNo, Long totalFee, Long refundFee) {
}
