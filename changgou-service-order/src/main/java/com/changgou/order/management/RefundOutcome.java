package com.changgou.order.management;

/** What applying a refund's new state came to. */
public enum RefundOutcome {
    /** The refund (and, where it settled, its order) moved. */
    APPLIED,
    /** The refund was already in that state: nothing changed. */
    DUPLICATE,
    /** The refund had moved past it (a late or reordered result): nothing changed. */
    STALE,
    /** No refund of that id exists here. */
    UNKNOWN
}
