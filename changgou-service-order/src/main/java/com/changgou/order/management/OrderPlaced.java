package com.changgou.order.management;

import java.time.Instant;

/** Published inside the placing transaction; listeners that talk to the broker act after the commit. */
public record OrderPlaced(String orderId, Instant expireAt) {
}
