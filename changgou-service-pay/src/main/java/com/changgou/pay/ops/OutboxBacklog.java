package com.changgou.pay.ops;

import java.time.Instant;

/** The outbox rows still waiting to be sent, and when the oldest of them was written (null when none waits). */
record OutboxBacklog(long waiting, Instant oldest) {
}
