package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxRelayConcurrencyTest extends OutboxIntegrationTest {

    private static final int ROWS = 300;

    @Autowired
    OutboxMapper mapper;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    OutboxProperties props;

    @Test
    void twoRelaysDrainingTheSameOutboxNeverPublishARowTwice() {
        String queue = boundQueue();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = IntStream.range(0, ROWS).mapToObj(i -> "t-" + run + "-" + i).toList();
        // Small batches, so the two relays (and the application's own) interleave many times.
        OutboxProperties small = new OutboxProperties(true, 1, 7, props.pollInterval(), props.confirmTimeout(),
                props.lease(), props.backoffInitial(), props.backoffMax(), props.retention(), props.purgeInterval(),
                props.metricsInterval());
        OutboxRelay first = new OutboxRelay(mapper, readCommitted(), rabbit, small, Clock.systemUTC(), Set.of());
        OutboxRelay second = new OutboxRelay(mapper, readCommitted(), rabbit, small, Clock.systemUTC(), Set.of());
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger firstClaims = new AtomicInteger();
        AtomicInteger secondClaims = new AtomicInteger();
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first, done, firstClaims));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second, done, secondClaims));

        // Due at once, as rows are that nobody handed over (a writer that died, a relay that was stopped):
        // appended rows would go to the application's relay without a claim.
        for (int from = 0; from < ROWS; from += 50) {
            List<OutboxRow> chunk = ids.subList(from, from + 50).stream()
                    .map(id -> new OutboxRow(id, "test", OutboxTestApplication.EXCHANGE, OutboxTestApplication.ROUTING_KEY,
                            "{}", null))
                    .toList();
            Instant now = Instant.now();
            tx.executeWithoutResult(status -> mapper.insertAll(chunk, OutboxState.NEW, now, now));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sent(run) == ROWS);
        done.set(true);
        CompletableFuture.allOf(a, b).join();
        List<String> received = drain(queue, Duration.ofSeconds(2)).stream()
                .map(m -> m.getMessageProperties().getMessageId())
                .filter(id -> id.startsWith("t-" + run))
                .toList();
        assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(firstClaims.get() + secondClaims.get()).isPositive();
    }

    @Test
    void aBatchGoesOutOnOneChannelEveryMessageConfirmed() {
        String queue = boundQueue();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<OutboxRow> rows = IntStream.range(0, 40)
                .mapToObj(i -> new OutboxRow("c-" + run + "-" + i, "test", OutboxTestApplication.EXCHANGE,
                        OutboxTestApplication.ROUTING_KEY, "{}", null))
                .toList();
        // Due only for a relay whose clock runs an hour ahead: the application's own relay leaves them.
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        tx.executeWithoutResult(status -> mapper.insertAll(rows, OutboxState.NEW, later, later));
        Clock anHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        // A factory of this test's own, with an empty channel cache, so every channel the relay takes
        // is a new one and can be counted.
        CachingConnectionFactory factory = new CachingConnectionFactory("127.0.0.1", 5672);
        factory.setVirtualHost(TestInfra.VHOST);
        factory.setUsername(TestInfra.RABBIT_USER);
        factory.setPassword(TestInfra.RABBIT_PASSWORD);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        AtomicInteger channelsOpened = new AtomicInteger();
        factory.addChannelListener((channel, transactional) -> channelsOpened.incrementAndGet());
        RabbitTemplate template = new RabbitTemplate(factory);
        template.setMandatory(true);
        OutboxRelay relay = new OutboxRelay(mapper, readCommitted(), template, props, anHourAhead, Set.of());
        try {
            // At least these: the shared schema may hold other tests' rows still waiting for a queue.
            assertThat(relay.relayOnce()).isGreaterThanOrEqualTo(rows.size());
        } finally {
            factory.destroy();
        }

        assertThat(sent(run, "c-")).isEqualTo(rows.size());
        assertThat(channelsOpened.get()).isEqualTo(1);
        List<String> received = drain(queue, Duration.ofSeconds(2)).stream()
                .map(m -> m.getMessageProperties().getMessageId())
                .filter(id -> id.startsWith("c-" + run))
                .toList();
        assertThat(received).containsExactlyInAnyOrderElementsOf(rows.stream().map(OutboxRow::id).toList());
    }

    /** What {@link OutboxConfiguration} gives the application's relay. */
    private TransactionTemplate readCommitted() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }

    private static void drain(OutboxRelay relay, AtomicBoolean done, AtomicInteger claims) {
        while (!done.get()) {
            int claimed = relay.relayOnce();
            claims.addAndGet(claimed);
            if (claimed == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private int sent(String run) {
        return sent(run, "t-");
    }

    private int sent(String run, String prefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mq_message WHERE id LIKE ? AND state = 'SENT'",
                Integer.class, prefix + run + "-%");
    }
}
