package com.changgou.pay.payment;

/** Who moved a pay record, as written to {@code pay_log}. */
public enum Actor {
    NATIVE_PAY,
    WECHAT_NOTIFY,
    STATUS_QUERY,
    CLOSE,
    RECONCILE,
    ALIPAY_WAP,
    ALIPAY_NOTIFY
}
