package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxJanitorTest extends OutboxIntegrationTest {

    @Autowired
    OutboxJanitor janitor;

    @Test
    void sentRowsPastRetentionGoAndEverythingElseStays() {
        String old = row("SENT", Instant.now().minusSeconds(8 * 24 * 3600));
        String recent = row("SENT", Instant.now().minusSeconds(3600));
        String unsent = row("NEW", null);

        janitor.purgeOnce();

        assertThat(jdbc.queryForList("SELECT id FROM mq_message WHERE id IN (?, ?, ?)", String.class, old, recent,
                unsent)).containsExactlyInAnyOrder(recent, unsent);
    }

    private String row(String state, Instant sentAt) {
        String id = "j-" + UUID.randomUUID().toString().substring(0, 30);
        // Far in the future, so the relay leaves the NEW row alone during the test.
        jdbc.update("INSERT INTO mq_message (id, type, exchange, routing_key, body, state, attempts, next_try_at,"
                + " created_at, sent_at) VALUES (?, 'test', ?, ?, '{}', ?, 0, NOW() + INTERVAL 1 DAY, NOW(), ?)", id,
                OutboxTestApplication.EXCHANGE, OutboxTestApplication.ROUTING_KEY, state,
                sentAt == null ? null : Timestamp.from(sentAt));
        return id;
    }
}
