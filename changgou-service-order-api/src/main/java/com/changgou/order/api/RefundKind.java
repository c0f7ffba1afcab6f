package com.changgou.order.api;

/** Why a refund was made. */
public enum RefundKind {
    /** The shopper cancelled the paid order: everything left is given back. */
    SHOPPER_CANCEL,
    /** An operator gave back part (or all) of what was paid. */
    OPERATOR,
    /** WeChat took money for an order that had already closed: it goes back by itself. */
    PAID_AFTER_CLOSE
}
