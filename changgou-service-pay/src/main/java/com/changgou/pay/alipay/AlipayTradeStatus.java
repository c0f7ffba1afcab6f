package com.changgou.pay.alipay;

import java.util.Optional;

/** Alipay's {@code trade_status}. */
public enum AlipayTradeStatus {
    /** Created at the cashier, not paid yet. */
    WAIT_BUYER_PAY,
    /** Closed unpaid (timeout or alipay.trade.close), or fully refunded after payment. */
    TRADE_CLOSED,
    /** Paid; refunds are still possible. */
    TRADE_SUCCESS,
    /** Paid and final: no refund any more. */
    TRADE_FINISHED;

    /** Alipay took the money. */
    public boolean paid() {
        return this == TRADE_SUCCESS || this == TRADE_FINISHED;
    }

    static Optional<AlipayTradeStatus> of(String wire) {
        for (AlipayTradeStatus status : values()) {
            if (status.name().equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
