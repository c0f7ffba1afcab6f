package com.changgou.pay.notifylog;

import java.util.Locale;

/** What a notification was about: a payment (out_trade_no) or a refund (out_refund_no). Stored by name. */
public enum NotifyKind {
    PAYMENT,
    REFUND;

    /** The metric's tag value. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
