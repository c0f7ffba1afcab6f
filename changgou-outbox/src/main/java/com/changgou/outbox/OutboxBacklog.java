package com.changgou.outbox;

import java.time.Instant;

/** How many rows wait to be published, and when the oldest of them was written (null: none waits). */
public record OutboxBacklog(long waiting, Instant oldest) {
}
