package com.changgou.order.management;

/** What applying a pay result came to. */
public enum PaymentOutcome {
    /** The order moved UNPAID → PAID. */
    PAID,
    /** The same result was applied before: nothing changed. */
    DUPLICATE,
    /** The order could not take the money (closed, or paid by another trade): a refund is to do. */
    REFUND_RECORDED
}
