package com.changgou.pay.api;

/**
 * The state of a pay record, named after WeChat's {@code trade_state} values it mirrors.
 * NOTPAY is the only state that may still change.
 */
public enum PayState {
    NOTPAY,
    USERPAYING,
    SUCCESS,
    CLOSED,
    PAYERROR,
    REVOKED,
    REFUND;

    public boolean isFinal() {
        return this != NOTPAY && this != USERPAYING;
    }
}
