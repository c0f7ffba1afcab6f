package com.changgou.pay.api;

/** What closing an order's payment at WeChat came to. */
public enum CloseOutcome {
    /** WeChat closed the trade (or it was already closed): no money can arrive any more. */
    CLOSED,
    /** WeChat says it was paid: the paid result is on its way through the normal path. */
    PAID,
    /** No payment was ever started for this order: nothing to close at WeChat. */
    NO_PAYMENT
}
