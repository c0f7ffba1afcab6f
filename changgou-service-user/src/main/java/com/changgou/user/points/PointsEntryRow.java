package com.changgou.user.points;

import java.time.Instant;

/** One row of {@code tb_points_entry}: one applied order event. {@code id} is null until inserted. */
record PointsEntryRow(Long id, String username, String orderId, String eventId, PointsKind kind, long points,
        long amountFen, Instant createTime) {
}
