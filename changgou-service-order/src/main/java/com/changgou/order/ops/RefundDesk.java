package com.changgou.order.ops;

import com.changgou.order.actions.OperatorAction;
import com.changgou.order.actions.OperatorActions;
import com.changgou.order.api.ops.RefundAttention;
import com.changgou.order.management.RefundDecisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's decisions on refunds that need a person, each with its action row in the transaction of
 * the change (read committed, as every refund writer reads).
 */
@Service
class RefundDesk {

    private final RefundDecisions decisions;
    private final OperatorActions actions;

    RefundDesk(RefundDecisions decisions, OperatorActions actions) {
        this.decisions = decisions;
        this.actions = actions;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    RefundAttention approve(String refundId, String operator, String reason) {
        RefundAttention approved = decisions.approve(refundId, operator, reason);
        actions.record(operator, OperatorAction.APPROVE, subject(refundId), approved.orderId(), reason,
                "refund %s of %d fen is %s".formatted(refundId, approved.amountFen(), approved.state()));
        return approved;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    RefundAttention retry(String refundId, String operator, String reason) {
        RefundAttention retry = decisions.retry(refundId, operator, reason);
        actions.record(operator, OperatorAction.RETRY, subject(refundId), retry.orderId(), reason,
                "asked again as refund %s of %d fen".formatted(retry.refundId(), retry.amountFen()));
        return retry;
    }

    private static String subject(String refundId) {
        return "refund:" + refundId;
    }
}
