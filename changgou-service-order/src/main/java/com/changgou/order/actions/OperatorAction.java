package com.changgou.order.actions;

/** What an operator did, as stored in {@code tb_operator_action.action} by name. */
public enum OperatorAction {
    /** A dead letter applied again through its consumer's own path. */
    REDRIVE,
    /** A dead letter put aside for good. */
    DISCARD,
    /** A refund WeChat could not complete, seen through by other means. */
    APPROVE,
    /** A refund asked for again under a new id. */
    RETRY
}
