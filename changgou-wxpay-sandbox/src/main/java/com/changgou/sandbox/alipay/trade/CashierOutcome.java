package com.changgou.sandbox.alipay.trade;

/** What the buyer did in the cashier: paid, or the payment failed (the trade keeps waiting, as at Alipay). */
public enum CashierOutcome {
    PAY,
    FAIL
}
