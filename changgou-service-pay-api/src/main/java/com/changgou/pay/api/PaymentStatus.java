package com.changgou.pay.api;

/** The state of an order's payment, for the browser's polling fallback. */
public record PaymentStatus(String orderId, PayState state, String token) {
}
