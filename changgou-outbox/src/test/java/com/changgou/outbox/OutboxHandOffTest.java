package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit hands its rows to its own relay, which publishes them without claiming them; rows nobody
 * handed over (their writer died, or its relay was not running) are claimed, never lost, never twice.
 */
class OutboxHandOffTest extends OutboxIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxMapper mapper;
    @Autowired
    OutboxRelayRunner runner;
    @Autowired
    OutboxProperties props;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MapperCalls claimed;

    @Test
    void aCommittedMessageIsPublishedByItsWritersRelayWithoutAClaim() {
        String queue = boundQueue();
        String id = newId("handed");

        tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));

        awaitMessage(queue, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
        assertThat(claimed.wasClaimed(id)).as("claimed by a claim pass").isFalse();
        // written leased: no other instance's relay could have claimed it while its own published it
        assertThat(jdbc.queryForObject("SELECT TIMESTAMPDIFF(SECOND, created_at, next_try_at) FROM mq_message WHERE id = ?",
                Long.class, id)).isEqualTo(props.lease().toSeconds());
    }

    @Test
    void commitsInQuickSuccessionArePublishedWithoutAClaimPassEach() {
        String queue = boundQueue();
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> newId("burst")).toList();
        int claimsBefore = claimed.claims();
        long start = System.nanoTime();

        for (String id : ids) {
            tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> "SENT".equals(row(id).get("state"))));

        // the claim's own schedule only: one pass per poll interval (and one more for a pass under way)
        long intervals = Duration.ofNanos(System.nanoTime() - start).toMillis() / props.pollInterval().toMillis();
        assertThat(claimed.claims() - claimsBefore).isLessThanOrEqualTo((int) intervals + 2);
        assertThat(drain(queue, Duration.ofMillis(500))).hasSize(ids.size());
    }

    @Test
    void aRowWhoseWriterDiedBeforeHandingItOverIsClaimedOnceItsLeaseEnds() {
        String queue = boundQueue();
        String id = newId("orphan");
        Instant leasedUntil = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);

        // what a writer leaves behind when it dies between its commit and the hand-over (whole seconds, as
        // the driver stores them)
        tx.executeWithoutResult(status -> mapper.insertAll(List.of(row(message(id))), OutboxState.NEW, Instant.now(),
                leasedUntil));

        awaitMessage(queue, id);
        Instant received = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
        assertThat(claimed.wasClaimed(id)).isTrue();
        assertThat(received).isAfterOrEqualTo(leasedUntil);
    }

    @Test
    void aRowHandedOverTooLateToBeConfirmedWithinItsLeaseIsLeftToTheClaimAndSentOnce() {
        String queue = boundQueue();
        String id = newId("late");
        // less of its lease left than a confirm may take
        Instant leasedUntil = Instant.now().plus(props.confirmTimeout()).minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        OutboxRow row = row(message(id));
        tx.executeWithoutResult(status -> mapper.insertAll(List.of(row), OutboxState.NEW, Instant.now(), leasedUntil));

        runner.handOff(List.of(row), leasedUntil);

        awaitMessage(queue, id);
        Instant received = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
        assertThat(claimed.wasClaimed(id)).isTrue();
        assertThat(received).isAfterOrEqualTo(leasedUntil);
        List<Message> more = drain(queue, Duration.ofSeconds(2));
        assertThat(more).noneMatch(m -> id.equals(m.getMessageProperties().getMessageId()));
    }

    @Test
    void whileTheRelayIsStoppedRowsAreWrittenDueAndTheNextClaimTakesThem() {
        String queue = boundQueue();
        String id = newId("stopped");
        runner.stop();
        try {
            assertThat(runner.handOffLease(Instant.now())).isNull();
            tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));
            assertThat(jdbc.queryForObject("SELECT next_try_at = created_at FROM mq_message WHERE id = ?", Boolean.class, id))
                    .isTrue();
        } finally {
            runner.start();
        }

        awaitMessage(queue, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
        assertThat(claimed.wasClaimed(id)).isTrue();
    }

    private static OutboxRow row(OutgoingMessage message) {
        return new OutboxRow(message.messageId(), message.type(), message.exchange(), message.routingKey(),
                "{\"messageId\":\"%s\"}".formatted(message.messageId()), null);
    }
}
