package com.changgou.sandbox.trade;

/** What the shopper does on the phone: pay, have the bank refuse, or stop at the password prompt. */
public enum ScanOutcome {
    PAY,
    FAIL,
    USERPAYING
}
