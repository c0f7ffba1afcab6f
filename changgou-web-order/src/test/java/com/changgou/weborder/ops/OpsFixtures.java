package com.changgou.weborder.ops;

import com.changgou.common.ops.OutboxEntry;
import com.changgou.common.ops.StateChange;
import com.changgou.order.api.OrderItemView;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.RefundLine;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import com.changgou.order.api.ops.OperatorActionEntry;
import com.changgou.order.api.ops.OrderStory;
import com.changgou.order.api.ops.RefundAttention;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.ops.NotificationEntry;
import com.changgou.pay.api.ops.PaymentStory;
import com.changgou.pay.api.ops.PaymentSummary;
import com.changgou.pay.api.ops.RefundEntry;
import java.time.Instant;
import java.util.List;

/** What the order and pay services tell the console about one order paid with WeChat, then half refunded. */
final class OpsFixtures {

    static final String OLGA = "olga";
    static final String ORDER_ID = "1864000000000000001";
    static final String OUT_TRADE_NO = "T1864000000000000001";
    static final String REFUND_ID = "1900000000000000001";
    static final Instant AT = Instant.parse("2030-01-01T00:10:00Z");

    private OpsFixtures() {
    }

    static PaymentSummary payment(PayState state) {
        return new PaymentSummary(OUT_TRADE_NO, ORDER_ID, "alice", PayChannel.WECHAT, state, 5_000,
                "4200000000202601010000000001", AT, AT.plusSeconds(30));
    }

    static OrderStory orderStory() {
        OrderView order = new OrderView(ORDER_ID, "alice", 2, 5_000, 5_000, OrderStatus.PARTIALLY_REFUNDED,
                "4200000000202601010000000001", AT, AT.plusSeconds(1800), AT.plusSeconds(30), null,
                List.of(new OrderItemView(100002L, "Changgou mug", 2_500, 2, 5_000)),
                List.of(new RefundLine(REFUND_ID, 2_500, RefundKind.OPERATOR, OrderRefundState.SUCCESS, null, AT, AT)));
        return new OrderStory(order,
                List.of(new StateChange(AT, "order " + ORDER_ID, "UNPAID", "PAID", "pay", "paid by WeChat"),
                        new StateChange(AT, "order " + ORDER_ID, "PAID", "REFUNDING", OLGA, "broken handle")),
                List.of(new OutboxEntry("m-paid-1", "order.paid", "order.events", "", "SENT", 1, AT, AT)),
                List.of(deadLetter(7, DeadLetterState.DISCARDED)),
                List.of(new OperatorActionEntry(3, AT, OLGA, "DISCARD", "dead letter 7", "duplicate of the paid result",
                        "discarded")));
    }

    static PaymentStory paymentStory() {
        return new PaymentStory(payment(PayState.SUCCESS),
                List.of(new StateChange(AT, "pay record " + OUT_TRADE_NO, "NOTPAY", "SUCCESS", "wechat", null)),
                List.of(notification(41, "ACCEPTED", null, "trace-0af7651916cd43dd8448eb211c80319c"),
                        notification(42, "DUPLICATE", null, "trace-b7ad6b7169203331"),
                        notification(43, "REFUSED", "bad_signature", "trace-5b8aa5a2d2c872e8321cf37308d69df2")),
                List.of(new OutboxEntry("m-1", "PayResult", "order.pay", "order.pay.result", "SENT", 1, AT, AT),
                        new OutboxEntry("m-2", "PayPush", "paynotify", "", "NEW", 3, AT, null)),
                List.of(new RefundEntry(REFUND_ID, RefundState.SUCCESS, 2_500, "50300000000000000001", "broken handle", AT, AT,
                        List.of(new StateChange(AT, "refund " + REFUND_ID, "PENDING", "PROCESSING", "wechat", null),
                                new StateChange(AT, "refund " + REFUND_ID, "PROCESSING", "SUCCESS", "wechat",
                                        "refund notification")))));
    }

    static NotificationEntry notification(long id, String verdict, String reason, String traceId) {
        return new NotificationEntry(id, AT, "WECHAT", "PAYMENT", verdict, reason,
                reason == null ? null : "sign does not match", OUT_TRADE_NO, traceId);
    }

    static DeadLetterView deadLetter(long id, DeadLetterState state) {
        boolean open = state == DeadLetterState.OPEN;
        return new DeadLetterView(id, "order.pay.result", "msg-" + id, "PayResult", ORDER_ID,
                "amount 4999 does not match the order's 5000", "{\"orderId\":\"" + ORDER_ID + "\",\"note\":\"<script>x</script>\"}",
                state, open ? 0 : 1, AT, open ? null : AT, open ? null : OLGA, open ? null : "duplicate of the paid result");
    }

    static RefundAttention attention(String refundId, RefundKind kind, OrderRefundState state) {
        return new RefundAttention(refundId, ORDER_ID, "alice", kind, state, 2_500,
                state == OrderRefundState.CHANGE ? "WeChat could not return the money to the card" : "refused: account frozen",
                AT);
    }
}
