package com.changgou.weborder.points;

/** What one order of the shopper's earned, and what its refunds took back so far. */
public record OrderPoints(String orderId, long earned, long takenBack) {
}
