package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators watch: how much waits and for how long (read on a schedule), and what went out, under meters
 * whose number does not grow with the messages.
 */
class OutboxMetricsTest extends OutboxIntegrationTest {

    private static final String SENDS = "spring.rabbit.template";
    private static final String ROUTING_KEY_TAG = "messaging.rabbitmq.destination.routing_key";

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry registry;
    @Autowired
    RecordedSpans spans;

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

    /**
     * A broadcast per payment, each to its own page's token, must not leave a meter per token behind: the
     * process would keep one for every payment it ever made, and every scrape would carry them all.
     */
    @Test
    void broadcastsToManyTokensAreTimedUnderOneMeterOfTheirExchangeAndTracedWithTheirToken() {
        Timer earlier = sendsTo(OutboxTestApplication.BROADCAST).timer();
        long before = earlier == null ? 0 : earlier.count();
        List<OutgoingMessage> toPages = IntStream.range(0, 20)
                .mapToObj(i -> new OutgoingMessage(newId("page"), "test", OutboxTestApplication.BROADCAST,
                        "token-" + UUID.randomUUID(), Map.of("page", i)))
                .toList();

        tx.executeWithoutResult(status -> outbox.append(toPages));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> toPages.stream().allMatch(m -> "SENT".equals(row(m.messageId()).get("state"))));
        Collection<Timer> timers = sendsTo(OutboxTestApplication.BROADCAST).timers();
        assertThat(timers).hasSize(1);
        assertThat(timers.iterator().next().count() - before).isGreaterThanOrEqualTo(20);
        assertThat(registry.getMeters()).extracting(Meter::getId)
                .noneMatch(id -> id.getName().startsWith(SENDS) && id.getTag(ROUTING_KEY_TAG) != null);

        // The trace still says where each went: its span, named by the exchange, carries the token.
        String token = toPages.get(0).routingKey();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(spans.all())
                .filteredOn(span -> token.equals(span.getAttributes().get(AttributeKey.stringKey(ROUTING_KEY_TAG))))
                .extracting(SpanData::getName)
                .containsExactly(OutboxTestApplication.BROADCAST + " send"));
    }

    /** The template's timers of the sends to {@code exchange} that went out without an error. */
    private Search sendsTo(String exchange) {
        return registry.find(SENDS).tag("messaging.destination.name", exchange).tag("error", "none");
    }

    @AfterEach
    void deleteStuckRow() {
        if (stuck != null) {
            jdbc.update("DELETE FROM mq_message WHERE id = ?", stuck);
        }
    }
}
