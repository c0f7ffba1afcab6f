package com.changgou.order.management;

/**
 * The seed's {@code tb_order.pay_status}, kept for the reports that read it. It has no moves of its
 * own: it becomes PAID in the same update that moves the order UNPAID → PAID.
 */
public enum PayStatus {
    UNPAID,
    PAID
}
