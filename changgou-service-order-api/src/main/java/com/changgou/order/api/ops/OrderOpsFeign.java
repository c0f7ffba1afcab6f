package com.changgou.order.api.ops;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import com.changgou.common.ops.OperatorDecision;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the ops console reads from and does at the order service. Every call needs the OPERATOR
 * role in the gateway's token the caller forwards (a shopper's token gets 403); the operator is the
 * token's subject. Every action takes a reason (400 without one) and is stored with who and why.
 */
@FeignClient(name = "changgou-service-order", contextId = "orderOpsFeign", path = OrderOpsFeign.PATH)
public interface OrderOpsFeign {

    String PATH = InternalApi.PREFIX + "/ops/order";

    /** One order's whole story, whoever owns it; 404 for an unknown id. */
    @GetMapping("/orders/{id}")
    Result<OrderStory> story(@PathVariable("id") String id);

    /** Dead letters in the given state (OPEN when none is given), newest first, at most 100. */
    @GetMapping("/dead-letters")
    Result<List<DeadLetterView>> deadLetters(@RequestParam(value = "state", required = false) DeadLetterState state);

    /**
     * Applies an OPEN dead letter through its consumer's own path. When it applies it becomes
     * REDRIVEN; when it is rejected again it stays OPEN with the new reason (and the answer says so).
     * 404 unknown, 409 not OPEN.
     */
    @PostMapping("/dead-letters/{id}/redrive")
    Result<DeadLetterView> redrive(@PathVariable("id") long id, @RequestBody OperatorDecision decision);

    /** OPEN → DISCARDED; 404 unknown, 409 not OPEN. */
    @PostMapping("/dead-letters/{id}/discard")
    Result<DeadLetterView> discard(@PathVariable("id") long id, @RequestBody OperatorDecision decision);

    /** Refunds that need a person, oldest first. */
    @GetMapping("/refunds/attention")
    Result<List<RefundAttention>> refundsNeedingAttention();

    /**
     * A CHANGE refund the operator saw through by other means (the money reached the shopper):
     * it becomes SUCCESS at the order and the order moves on as for any settled refund. 409 for a
     * refund in any other state.
     */
    @PostMapping("/refunds/{refundId}/approve")
    Result<RefundAttention> approve(@PathVariable("refundId") String refundId, @RequestBody OperatorDecision decision);

    /**
     * A refund refused or closed asked for again: a new refund of the same amount, kind and order
     * under a new id, handed to the pay service like any other; the old one stays as it is. 409 for
     * any other state (a CHANGE refund is still WeChat's and could yet be paid out: it is approved,
     * never asked twice).
     */
    @PostMapping("/refunds/{refundId}/retry")
    Result<RefundAttention> retry(@PathVariable("refundId") String refundId, @RequestBody OperatorDecision decision);

    /** The latest operator actions, newest first, at most 100. */
    @GetMapping("/operator-actions")
    Result<List<OperatorActionEntry>> operatorActions();
}
