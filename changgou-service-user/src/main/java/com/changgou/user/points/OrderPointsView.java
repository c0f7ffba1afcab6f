package com.changgou.user.points;

/** What one order of the shopper's earned, and what its refunds have taken back so far. */
public record OrderPointsView(String orderId, long earned, long takenBack) {
}
