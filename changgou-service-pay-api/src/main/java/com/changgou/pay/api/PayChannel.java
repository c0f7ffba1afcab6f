package com.changgou.pay.api;

/**
 * Where a pay record collects its money. Past the pay service both look the same: one pay record shape,
 * one outbox, one push. Persisted by name; rows from before Alipay existed are WECHAT.
 */
public enum PayChannel {
    /** WeChat Pay V2, Native (a QR code of WeChat's code_url). */
    WECHAT,
    /** Alipay mobile-website pay (alipay.trade.wap.pay): the phone opens the merchant's own URL. */
    ALIPAY
}
