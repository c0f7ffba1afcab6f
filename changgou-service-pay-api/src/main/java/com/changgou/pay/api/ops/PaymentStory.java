package com.changgou.pay.api.ops;

import com.changgou.common.ops.OutboxEntry;
import com.changgou.common.ops.StateChange;
import java.util.List;

/**
 * Everything the pay service knows of one pay record, oldest first: its log rows, every
 * notification that named it (with the verdict), the outbox messages it wrote, and its refunds.
 */
public record PaymentStory(
        PaymentSummary payment,
        List<StateChange> log,
        List<NotificationEntry> notifications,
        List<OutboxEntry> outbox,
        List<RefundEntry> refunds) {
}
