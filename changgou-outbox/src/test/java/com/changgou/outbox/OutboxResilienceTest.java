package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the broker can do to a committed message, and that none of it loses the message: down, no
 * queue bound, no exchange yet. Only a broadcast nobody listens to is let go.
 */
class OutboxResilienceTest extends OutboxIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CachingConnectionFactory connectionFactory;
    @Autowired
    FanoutExchange broadcastExchange;

    @Test
    void aMessageCommittedWhileTheBrokerIsDownStaysNewAndIsPublishedOnceTheBrokerIsBack() throws IOException {
        String queue = boundQueue();
        String id = newId("down");

        pointRabbitAt("127.0.0.1:" + closedPort());
        try {
            // the state change commits whatever the broker's state: that is the relay's problem
            tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Map<String, Object> row = row(id);
                return "NEW".equals(row.get("state")) && ((Number) row.get("attempts")).intValue() >= 2;
            });
        } finally {
            pointRabbitAt("127.0.0.1:5672");
        }

        assertThat(new String(awaitMessage(queue, id).getBody())).contains(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
    }

    @Test
    void aMandatoryMessageNoQueueTookComesBackAndStaysNewUntilAQueueIsBound() {
        // an exchange of this test's own: no queue is bound to it yet
        DirectExchange lonely = new DirectExchange("outbox.test.lonely-" + UUID.randomUUID(), true, false);
        rabbitAdmin.declareExchange(lonely);
        String id = newId("returned");
        try {
            tx.executeWithoutResult(status -> outbox.append(List.of(
                    new OutgoingMessage(id, "test", lonely.getName(), "", Map.of("messageId", id)))));

            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Map<String, Object> row = row(id);
                return "NEW".equals(row.get("state")) && ((Number) row.get("attempts")).intValue() >= 2;
            });
            String queue = boundQueue(lonely, "");

            assertThat(awaitMessage(queue, id).getMessageProperties().getType()).isEqualTo("test");
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
        } finally {
            rabbitAdmin.deleteExchange(lonely.getName());
        }
    }

    @Test
    void aBroadcastNobodyListensToIsDoneWith() {
        String id = newId("broadcast");

        tx.executeWithoutResult(status -> outbox.append(List.of(
                new OutgoingMessage(id, "test", broadcastExchange.getName(), "", Map.of("messageId", id)))));

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
        assertThat(((Number) row(id).get("attempts")).intValue()).isEqualTo(1);
    }

    /**
     * An app may start before the one that declares the exchange it publishes to: the broker closes the
     * relay's channel (404 NOT_FOUND), and the batch waits in the outbox until the exchange is there.
     */
    @Test
    void aMessageForAnExchangeNobodyDeclaredYetWaitsAndGoesOutOnceTheExchangeExists() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DirectExchange exchange = new DirectExchange("outbox.test.not-yet-" + run, true, false);
        String id = "not-yet-" + run;
        String broadcastId = "not-yet-broadcast-" + run;
        String broadcastQueue = boundQueue(broadcastExchange, "");
        tx.executeWithoutResult(status -> outbox.append(List.of(
                new OutgoingMessage(id, "test", exchange.getName(), "key", Map.of("messageId", id)),
                new OutgoingMessage(broadcastId, "test", broadcastExchange.getName(), "",
                        Map.of("messageId", broadcastId)))));

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Map<String, Object> row = row(id);
            return "NEW".equals(row.get("state")) && ((Number) row.get("attempts")).intValue() >= 3;
        });

        rabbitAdmin.declareExchange(exchange);
        try {
            String queue = boundQueue(exchange, "key");

            assertThat(new String(awaitMessage(queue, id).getBody())).contains(id);
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
            // the broadcast of the same batch is not lost either
            assertThat(awaitMessage(broadcastQueue, broadcastId).getMessageProperties().getType()).isEqualTo("test");
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(broadcastId).get("state")));
        } finally {
            rabbitAdmin.deleteExchange(exchange.getName());
        }
    }

    private void pointRabbitAt(String address) {
        connectionFactory.setAddresses(address);
        connectionFactory.resetConnection();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
