package com.changgou.weborder.ops;

import com.changgou.common.ops.OperatorDecision;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.order.api.ops.OrderStory;
import com.changgou.order.api.ops.RefundAttention;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The order service as the console uses it, for the operator whose token the call forwards. Every
 * failure becomes an {@link OpsFailure}; a reason is checked here as the service will check it, so a
 * blank one costs no call.
 */
@Component
class OrderOpsClient {

    static final String SERVICE = "order";
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final OrderOpsFeign orderOps;

    OrderOpsClient(OrderOpsFeign orderOps) {
        this.orderOps = orderOps;
    }

    OrderStory story(String orderId) {
        String subject = "order " + requireId(orderId, "order");
        return RemoteCalls.call(SERVICE, subject, () -> orderOps.story(orderId));
    }

    List<DeadLetterView> deadLetters(DeadLetterState state) {
        return RemoteCalls.call(SERVICE, "dead letters", () -> orderOps.deadLetters(state));
    }

    DeadLetterView redrive(long id, String reason) {
        OperatorDecision decision = decision(reason);
        return RemoteCalls.call(SERVICE, "dead letter " + id, () -> orderOps.redrive(id, decision));
    }

    DeadLetterView discard(long id, String reason) {
        OperatorDecision decision = decision(reason);
        return RemoteCalls.call(SERVICE, "dead letter " + id, () -> orderOps.discard(id, decision));
    }

    List<RefundAttention> refundsNeedingAttention() {
        return RemoteCalls.call(SERVICE, "refunds", orderOps::refundsNeedingAttention);
    }

    RefundAttention approve(String refundId, String reason) {
        String subject = "refund " + requireId(refundId, "refund");
        OperatorDecision decision = decision(reason);
        return RemoteCalls.call(SERVICE, subject, () -> orderOps.approve(refundId, decision));
    }

    RefundAttention retry(String refundId, String reason) {
        String subject = "refund " + requireId(refundId, "refund");
        OperatorDecision decision = decision(reason);
        return RemoteCalls.call(SERVICE, subject, () -> orderOps.retry(refundId, decision));
    }

    /** Ids travel in URL paths: anything but the ids the suite makes is refused before a call. */
    static String requireId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new OpsFailure(HttpStatus.NOT_FOUND, "There is no %s with that id.".formatted(what));
        }
        return id;
    }

    private static OperatorDecision decision(String reason) {
        try {
            String why = new OperatorDecision(reason).requireReason();
            return new OperatorDecision(why);
        } catch (IllegalArgumentException e) {
            throw new OpsFailure(HttpStatus.BAD_REQUEST, "Nothing was done: " + e.getMessage() + ".");
        }
    }
}
