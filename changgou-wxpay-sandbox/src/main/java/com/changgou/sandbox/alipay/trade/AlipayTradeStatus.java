package com.changgou.sandbox.alipay.trade;

import java.util.Map;
import java.util.Set;

/**
 * trade_status as Alipay reports it, with every allowed change in one place: a waiting trade is paid or
 * closed (by the merchant or its time_expire), a paid one is closed by a full refund. TRADE_FINISHED (no more
 * refunds) never happens in the sandbox but is a status the merchant must know.
 */
public enum AlipayTradeStatus {
    WAIT_BUYER_PAY,
    TRADE_SUCCESS,
    TRADE_CLOSED,
    TRADE_FINISHED;

    private static final Map<AlipayTradeStatus, Set<AlipayTradeStatus>> NEXT = Map.of(
            WAIT_BUYER_PAY, Set.of(TRADE_SUCCESS, TRADE_CLOSED),
            TRADE_SUCCESS, Set.of(TRADE_CLOSED, TRADE_FINISHED),
            TRADE_CLOSED, Set.of(),
            TRADE_FINISHED, Set.of());

    public boolean canBecome(AlipayTradeStatus next) {
        return NEXT.get(this).contains(next);
    }

    AlipayTradeStatus to(AlipayTradeStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("a trade cannot go from %s to %s".formatted(this, next));
        }
        return next;
    }
}
