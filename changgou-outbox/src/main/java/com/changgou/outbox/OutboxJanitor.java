package com.changgou.outbox;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes SENT outbox rows older than {@code changgou.outbox.retention}, in small chunks so no delete
 * holds locks long enough to slow the relay. Every payment leaves rows in the pay service's outbox and
 * the order service's, so at the rates in docs/bench/results.md the tables would otherwise grow quickly
 * and without end.
 */
class OutboxJanitor {

    private static final Logger log = LoggerFactory.getLogger(OutboxJanitor.class);
    private static final int CHUNK = 5_000;
    private static final int MAX_CHUNKS_PER_PASS = 20;

    private final OutboxMapper mapper;
    private final OutboxProperties props;
    private final Clock clock;

    OutboxJanitor(OutboxMapper mapper, OutboxProperties props, Clock clock) {
        this.mapper = mapper;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${changgou.outbox.purge-interval:PT1M}",
            initialDelayString = "${changgou.outbox.purge-interval:PT1M}")
    void purge() {
        try {
            int deleted = purgeOnce();
            if (deleted > 0) {
                log.info("outbox: deleted {} SENT rows older than {}", deleted, props.retention());
            }
        } catch (RuntimeException e) {
            log.warn("outbox purge failed, next pass retries: {}", e.toString());
        }
    }

    int purgeOnce() {
        int total = 0;
        for (int chunk = 0; chunk < MAX_CHUNKS_PER_PASS; chunk++) {
            int deleted = mapper.deleteSentBefore(OutboxState.SENT, clock.instant().minus(props.retention()), CHUNK);
            total += deleted;
            if (deleted < CHUNK) {
                break;
            }
        }
        return total;
    }
}
