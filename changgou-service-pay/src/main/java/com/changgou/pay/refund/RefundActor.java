package com.changgou.pay.refund;

/** Who moved a refund, as written to {@code refund_log}. */
public enum RefundActor {
    /** The order service asked for it (and the pay service's own check may have refused it). */
    ORDER_SERVICE,
    /** WeChat's answer to /secapi/pay/refund, asked at once or again by the worker. */
    REFUND_APPLY,
    /** WeChat's refund notification. */
    REFUND_NOTIFY,
    /** The worker's refundquery. */
    REFUND_QUERY
}
