package com.changgou.weborder.order;

import com.changgou.common.Money;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.RefundLine;
import java.util.List;

/**
 * What the order page shows of an order that changes while it is open, rendered into the page and
 * served as its small JSON ({@code /worder/order/{id}/state}): the status (its name, and in words),
 * whether it may be cancelled for a refund, and its refunds, amounts in yuan.
 */
public record OrderState(String status, String statusText, boolean cancellable, List<Refund> refunds) {

    public record Refund(String id, String amountYuan, String kind, String state, String stateText, String refusal) {
    }

    static OrderState of(OrderView order) {
        return new OrderState(order.status().name(), text(order.status()), order.status().isRefundable(),
                order.refunds().stream().map(OrderState::refund).toList());
    }

    private static Refund refund(RefundLine r) {
        return new Refund(r.id(), Money.yuan(r.amountFen()), r.kind().name(), r.state().name(), text(r.state()),
                r.refusal());
    }

    static String text(OrderStatus status) {
        return switch (status) {
            case UNPAID -> "Unpaid";
            case PAID -> "Paid";
            case CLOSED -> "Closed";
            case REFUNDING -> "Refunding";
            case REFUNDED -> "Refunded";
            case PARTIALLY_REFUNDED -> "Partially refunded";
        };
    }

    static String text(OrderRefundState state) {
        return switch (state) {
            case REQUESTED -> "Requested";
            case SUBMITTED -> "On its way";
            case SUCCESS -> "Refunded";
            case CLOSED -> "Closed, no money moved";
            case REFUSED -> "Refused";
            case CHANGE -> "Needs our attention";
        };
    }
}
