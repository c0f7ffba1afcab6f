package com.changgou.pay.alipay;

/** What alipay.trade.close came to. */
public enum AlipayCloseResult {
    /** Alipay closed the trade: no money can arrive any more. */
    CLOSED,
    /** ACQ.TRADE_NOT_EXIST: the phone never opened the cashier, so nothing exists at Alipay. */
    NOT_FOUND,
    /** ACQ.TRADE_STATUS_ERROR: the trade is not closable (paid, or closed already): ask alipay.trade.query. */
    NOT_CLOSABLE
}
