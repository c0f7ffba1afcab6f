package com.changgou.order.messaging;

import java.time.Instant;

/** Body of the delay message that comes back on {@code order.timeout.q} when an order's time is up. */
public record OrderTimeoutMessage(String messageId, String type, Instant occurredAt, String orderId) {

    public static final String TYPE = "order.timeout";
}
