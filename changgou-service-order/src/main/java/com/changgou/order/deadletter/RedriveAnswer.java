package com.changgou.order.deadletter;

import com.changgou.order.api.ops.DeadLetterView;

/** How a re-drive went: applied (then the dead letter is REDRIVEN) or rejected again (still OPEN); {@code outcome} in words. */
public record RedriveAnswer(DeadLetterView deadLetter, boolean applied, String outcome) {
}
