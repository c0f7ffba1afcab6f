package com.changgou.order.api.ops;

import com.changgou.common.ops.OutboxEntry;
import com.changgou.common.ops.StateChange;
import com.changgou.order.api.OrderView;
import java.util.List;

/**
 * Everything the order service knows of one order, oldest first: the order (with its items and
 * refunds), its log rows (the refunds' moves included), the order events it wrote to its outbox,
 * the dead letters that name it, and what operators did to it.
 */
public record OrderStory(
        OrderView order,
        List<StateChange> log,
        List<OutboxEntry> events,
        List<DeadLetterView> deadLetters,
        List<OperatorActionEntry> operatorActions) {
}
