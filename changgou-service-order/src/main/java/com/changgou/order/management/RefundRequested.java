package com.changgou.order.management;

/** Published inside the transaction that stored a REQUESTED refund; its submission starts after the commit. */
public record RefundRequested(String refundId) {
}
