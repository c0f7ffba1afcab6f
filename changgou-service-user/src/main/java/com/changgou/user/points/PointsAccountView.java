package com.changgou.user.points;

import java.util.List;

/** A shopper's points as they may see them: the balance and the latest entries, newest first. */
public record PointsAccountView(long balance, List<PointsEntryView> entries) {
}
