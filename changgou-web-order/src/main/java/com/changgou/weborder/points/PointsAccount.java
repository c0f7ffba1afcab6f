package com.changgou.weborder.points;

import java.time.Instant;
import java.util.List;

/** The shopper's points as the user service tells them: the balance and the latest entries, newest first. */
public record PointsAccount(long balance, List<Entry> entries) {

    /** What one order's payment ({@code EARNED}) or refund ({@code TAKEN_BACK}) did; points are never negative. */
    public record Entry(String orderId, PointsKind kind, long points, long amountFen, Instant time) {
    }
}
