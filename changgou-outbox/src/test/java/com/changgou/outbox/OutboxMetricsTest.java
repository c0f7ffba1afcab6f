package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators watch: how much waits and for how long (read on a schedule), and what went out. */
class OutboxMetricsTest extends OutboxIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry registry;

    private String stuck;

    @Test
    void aRowThatCannotLeaveShowsInTheBacklogAndItsAge() {
        stuck = newId("stuck");
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        // Written an hour ago and not due for another hour: the relay leaves it alone, so it waits.
        jdbc.update("INSERT INTO mq_message (id, type, exchange, routing_key, body, state, attempts, next_try_at, "
                        + "created_at) VALUES (?, 'test', ?, ?, '{}', 'NEW', 3, ?, ?)", stuck,
                OutboxTestApplication.EXCHANGE, OutboxTestApplication.ROUTING_KEY,
                Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)), Timestamp.from(anHourAgo));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(registry.get(OutboxMetrics.BACKLOG).gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get(OutboxMetrics.OLDEST_AGE).gauge().value()).isBetween(3590.0, 3700.0);
        });

        jdbc.update("DELETE FROM mq_message WHERE id = ?", stuck);
        stuck = null;
        // Gone from the table, gone from the gauge: no other test's row is anywhere near an hour old.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> registry.get(OutboxMetrics.OLDEST_AGE).gauge().value() < 3000);
    }

    @Test
    void everyRowMarkedSentIsCountedUnderItsExchange() {
        boundQueue();
        double before = published();
        String first = newId("counted");
        String second = newId("counted");

        tx.executeWithoutResult(status -> outbox.append(List.of(message(first), message(second))));

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(first).get("state"))
                && "SENT".equals(row(second).get("state")));
        await().atMost(Duration.ofSeconds(5)).until(() -> published() - before >= 2);
    }

    private double published() {
        Counter counter = registry.find(OutboxMetrics.PUBLISHED).tag("exchange", OutboxTestApplication.EXCHANGE)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @AfterEach
    void deleteStuckRow() {
        if (stuck != null) {
            jdbc.update("DELETE FROM mq_message WHERE id = ?", stuck);
        }
    }
}
