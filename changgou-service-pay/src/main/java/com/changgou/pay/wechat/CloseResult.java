package com.changgou.pay.wechat;

/** What closeorder came to. */
public enum CloseResult {
    CLOSED,
    /** ORDERPAID: the shopper paid before the close reached WeChat. */
    ALREADY_PAID,
    /** ORDERCLOSED. */
    ALREADY_CLOSED,
    /** ORDERNOTEXIST: WeChat never saw this out_trade_no. */
    NOT_FOUND
}
