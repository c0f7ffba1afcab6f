package com.changgou.pay.api.ops;

import java.time.Instant;
import java.util.List;

/**
 * The last {@code minutes} minutes, one entry per minute (oldest first, minutes with nothing
 * included as zeros), and the outbox as it stands now: rows not yet sent and the age of the
 * oldest, in seconds (0 when none waits).
 */
public record LiveView(Instant at, List<MinuteCounts> minutes, long outboxBacklog, long outboxOldestAgeSeconds) {
}
