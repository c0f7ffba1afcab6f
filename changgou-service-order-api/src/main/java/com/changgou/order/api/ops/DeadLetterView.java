package com.changgou.order.api.ops;

import java.time.Instant;

/**
 * A message the order service could not apply, kept for a person: the queue it died on, its
 * message id and type as far as they could be read, the order it names (if any), why it was
 * rejected, its body as received (bounded), and what an operator decided.
 */
public record DeadLetterView(
        long id,
        String queue,
        String messageId,
        String type,
        String orderId,
        String reason,
        String body,
        DeadLetterState state,
        int redriveAttempts,
        Instant deadAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason) {
}
