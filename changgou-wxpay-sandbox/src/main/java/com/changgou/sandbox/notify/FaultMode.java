package com.changgou.sandbox.notify;

/** How a payment's notification misbehaves; see the README's fault table. */
public enum FaultMode {
    /** Never sent: the merchant must find the payment with orderquery. */
    DROP,
    /** {@code count} genuine copies, half at once and the rest right after. */
    DUPLICATE,
    /** The first attempt waits {@code delayMillis} (not scaled). */
    DELAY,
    /** First a copy with a wrong signature, then the genuine one. */
    BAD_SIGN,
    /** First a correctly signed copy whose total_fee and cash_fee are not the order's, then the genuine one. */
    WRONG_AMOUNT
}
