package com.changgou.pay.alipay;

/** alipay.trade.refund: {@code outRefundNo} becomes out_request_no, the same on every ask. Fen. */
public record AlipayRefundCommand(String outRefundNo, String outTradeNo, long refundFee, String reason) {
}
