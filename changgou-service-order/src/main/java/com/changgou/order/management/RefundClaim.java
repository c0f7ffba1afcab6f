package com.changgou.order.management;

/**
 * A REQUESTED refund taken by one submitter for one submission ({@code attempts} counts this one);
 * {@code amount} in fen.
 */
public record RefundClaim(String id, String orderId, String transactionId, long amount, String reason, int attempts) {
}
