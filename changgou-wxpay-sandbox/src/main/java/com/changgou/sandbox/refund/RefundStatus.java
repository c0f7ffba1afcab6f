package com.changgou.sandbox.refund;

/** WeChat's {@code refund_status}: a refund is PROCESSING until it ends in one of the other three, once. */
public enum RefundStatus {
    PROCESSING("退款处理中"),
    SUCCESS("退款成功"),
    /** 退款异常: the money left the merchant but could not reach the shopper; a person must step in. */
    CHANGE("退款异常"),
    /** 退款关闭: nothing was refunded, so the amount may be refunded again under another out_refund_no. */
    REFUNDCLOSE("退款关闭");

    private final String description;

    RefundStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The only moves: PROCESSING to one of the ends. */
    boolean canMoveTo(RefundStatus next) {
        return this == PROCESSING && next != PROCESSING;
    }

    /** Whether the refunded amount still counts against what the trade can give back. */
    boolean holdsMoney() {
        return this != REFUNDCLOSE;
    }
}
