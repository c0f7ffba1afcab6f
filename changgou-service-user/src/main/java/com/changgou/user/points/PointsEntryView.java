package com.changgou.user.points;

import java.time.Instant;

/** One line of a shopper's points history: what an order's payment or refund did to the balance. */
public record PointsEntryView(String orderId, PointsKind kind, long points, long amountFen, Instant time) {

    static PointsEntryView of(PointsEntryRow row) {
        return new PointsEntryView(row.orderId(), row.kind(), row.points(), row.amountFen(), row.createTime());
    }
}
