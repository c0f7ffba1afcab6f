package com.changgou.pay.api.ops;

import java.time.Instant;

/** One minute of the live view: payments started, paid, and notifications refused in it. */
public record MinuteCounts(Instant minute, long started, long paid, long refused) {
}
