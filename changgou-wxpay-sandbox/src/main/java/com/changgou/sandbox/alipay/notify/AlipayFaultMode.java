package com.changgou.sandbox.alipay.notify;

/** How a payment's notification misbehaves; see the README's Alipay fault table. */
public enum AlipayFaultMode {
    /** No count: never sent (the merchant must query). A count: the first {@code count} attempts are lost. */
    DROP,
    /** {@code count} (default 2) genuine copies of the first attempt at once. */
    DUPLICATE,
    /** The first attempt waits {@code delayMillis} (not scaled). */
    DELAY
}
