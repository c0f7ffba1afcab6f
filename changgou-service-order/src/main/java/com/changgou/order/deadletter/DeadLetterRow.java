package com.changgou.order.deadletter;

import com.changgou.order.api.ops.DeadLetterState;
import java.time.Instant;

/**
 * One row of {@code dead_letter}: a message given up on, as parked from {@code queue}. {@code dedupKey}
 * is how a redelivery finds it; {@code headers} a JSON object of the message's headers as strings;
 * {@code body} as received, cut at the limit when {@code bodyTruncated}.
 */
public record DeadLetterRow(
        Long id,
        String queue,
        String dedupKey,
        String messageId,
        String type,
        String orderId,
        String reason,
        String body,
        boolean bodyTruncated,
        String contentType,
        String contentEncoding,
        String headers,
        DeadLetterState state,
        int redriveAttempts,
        Instant deadAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason) {
}
