package com.changgou.pay.api;

import java.time.Instant;

/**
 * A WeChat Native payment ready to be scanned. {@code token} is the opaque per-order value that
 * the browser matches against {@code paynotify} broadcasts; it reveals nothing about the order.
 */
public record NativePayment(
        String orderId,
        String outTradeNo,
        String codeUrl,
        long totalFee,
        Instant expireAt,
        String token,
        PayState state) {
}
