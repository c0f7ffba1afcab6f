package com.changgou.common.ops;

import java.time.Instant;

/** One outbox row as operators see it: what was (or is still to be) published where, and how it went. */
public record OutboxEntry(
        String id,
        String type,
        String exchange,
        String routingKey,
        String state,
        int attempts,
        Instant createdAt,
        Instant sentAt) {
}
