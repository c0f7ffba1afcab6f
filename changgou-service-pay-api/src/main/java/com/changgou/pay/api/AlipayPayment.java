package com.changgou.pay.api;

import java.time.Instant;

/**
 * An Alipay mobile-website payment ready to be opened on a phone. {@code token} is the order's opaque
 * token, the same the {@code paynotify} broadcasts and {@link PaymentStatus} carry: the page shows a QR
 * code of the pay service's public {@code /pay/alipay/go/{token}} URL (through the gateway), which
 * answers the signed, auto-submitting form to Alipay's cashier. {@code totalFee} is in fen.
 */
public record AlipayPayment(
        String orderId,
        String outTradeNo,
        String token,
        long totalFee,
        Instant expireAt,
        PayState state) {
}
