package com.changgou.order.ops;

import java.time.Instant;

/** The columns of an outbox row ({@code mq_message}) that operators see; the body stays out. */
record OutboxRow(String id, String type, String exchange, String routingKey, String state, int attempts,
        Instant createdAt, Instant sentAt) {
}
