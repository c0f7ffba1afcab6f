package com.changgou.pay.wechat;

/** WeChat's {@code trade_state} of an order, as {@code orderquery} reports it. */
public enum TradeState {
    SUCCESS,
    REFUND,
    NOTPAY,
    CLOSED,
    REVOKED,
    USERPAYING,
    PAYERROR
}
