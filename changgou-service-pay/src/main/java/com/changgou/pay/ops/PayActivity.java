package com.changgou.pay.ops;

import com.changgou.pay.api.ops.LiveView;
import com.changgou.pay.api.ops.MinuteCounts;
import com.changgou.pay.api.ops.NotificationEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What is happening now: payments started and paid and notifications refused per minute, the outbox's
 * backlog, and the refusals that named nothing of ours.
 */
@Service
class PayActivity {

    static final int MAX_MINUTES = 180;
    static final int MAX_UNMATCHED = 100;

    private final PayOpsMapper ops;
    private final Clock clock;

    PayActivity(PayOpsMapper ops, Clock clock) {
        this.ops = ops;
        this.clock = clock;
    }

    /** The last {@code minutes} minutes, the current one last (counted so far). */
    LiveView live(int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidOpsQueryException("minutes must be 1 to %d, is %d".formatted(MAX_MINUTES, minutes));
        }
        Instant now = clock.instant();
        Instant until = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant since = until.minus(minutes, ChronoUnit.MINUTES);
        long[] started = perMinute(ops.startedPerMinute(since, until), minutes);
        long[] paid = perMinute(ops.paidPerMinute(since, until), minutes);
        long[] refused = perMinute(ops.refusedPerMinute(since, until), minutes);
        List<MinuteCounts> counts = new ArrayList<>(minutes);
        for (int slot = 0; slot < minutes; slot++) {
            counts.add(new MinuteCounts(since.plus(slot, ChronoUnit.MINUTES), started[slot], paid[slot], refused[slot]));
        }
        OutboxBacklog backlog = ops.outboxBacklog();
        long oldestAge = backlog.oldest() == null ? 0 : Math.max(0, Duration.between(backlog.oldest(), now).toSeconds());
        return new LiveView(now, counts, backlog.waiting(), oldestAge);
    }

    List<NotificationEntry> unmatchedNotifications() {
        return ops.unmatchedRefusals(MAX_UNMATCHED);
    }

    private static long[] perMinute(List<MinuteCount> rows, int minutes) {
        long[] counts = new long[minutes];
        for (MinuteCount row : rows) {
            if (row.slot() >= 0 && row.slot() < minutes) {
                counts[row.slot()] = row.count();
            }
        }
        return counts;
    }
}
