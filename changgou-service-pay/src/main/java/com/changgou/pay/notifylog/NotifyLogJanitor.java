package com.changgou.pay.notifylog;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes notification rows older than the retention, in bounded batches. Every notification, forged or
 * not, writes a row: without this a flood of forgeries would grow the table for ever. Several instances
 * purging at once only delete the same old rows.
 */
@Component
class NotifyLogJanitor {

    private static final Logger log = LoggerFactory.getLogger(NotifyLogJanitor.class);

    private final NotifyLogMapper rows;
    private final NotifyLogProperties props;
    private final Clock clock;

    NotifyLogJanitor(NotifyLogMapper rows, NotifyLogProperties props, Clock clock) {
        this.rows = rows;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pay.notify-log.purge-interval:PT10M}",
            initialDelayString = "${pay.notify-log.purge-interval:PT10M}")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("notify_log purge failed, next pass retries: {}", e.toString());
        }
    }

    /** Returns how many rows it deleted. */
    int purge() {
        Instant before = clock.instant().minus(props.retention());
        int total = 0;
        int deleted;
        do {
            deleted = rows.deleteBefore(before, props.purgeBatch());
            total += deleted;
        } while (deleted == props.purgeBatch());
        if (total > 0) {
            log.info("deleted {} notify_log rows received before {}", total, before);
        }
        return total;
    }
}
