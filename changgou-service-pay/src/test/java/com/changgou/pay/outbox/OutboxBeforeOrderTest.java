package com.changgou.pay.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.pay.support.PayIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pay service may start before the order service, which declares {@code order.pay}: a publish to
 * an exchange that does not exist yet makes the broker close the relay's channel (404 NOT_FOUND), and
 * the rows of that batch wait in the outbox until the exchange is there.
 */
class OutboxBeforeOrderTest extends PayIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aResultForAnExchangeNobodyDeclaredYetWaitsInTheOutboxAndGoesOutOnceTheExchangeExists() {
        // an exchange of this test's own, standing in for order.pay before the order service started
        String run = UUID.randomUUID().toString().substring(0, 8);
        DirectExchange exchange = new DirectExchange("order.pay.not-yet-" + run, true, false);
        String resultId = "before-order-" + run;
        String notifyId = "before-order-notify-" + run;
        String notifyQueue = payNotifyQueue();
        tx.executeWithoutResult(status -> outbox.append(List.of(
                new OutgoingMessage(resultId, "test", exchange.getName(), "order.pay.result", Map.of("id", resultId)),
                new OutgoingMessage(notifyId, "test", "paynotify", "", Map.of("id", notifyId)))));

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Map<String, Object> row = row(resultId);
            return "NEW".equals(row.get("state")) && ((Number) row.get("attempts")).intValue() >= 3;
        });

        Queue queue = new Queue("pay-test-" + UUID.randomUUID(), true, false, false);
        rabbitAdmin.declareExchange(exchange);
        rabbitAdmin.declareQueue(queue);
        try {
            rabbitAdmin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("order.pay.result"));

            assertThat(new String(awaitMessage(queue.getName(), resultId).getBody())).contains(resultId);
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(resultId).get("state")));
            // the browser push of the same batch is not lost either
            assertThat(awaitMessage(notifyQueue, notifyId).getMessageProperties().getType()).isEqualTo("test");
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(notifyId).get("state")));
        } finally {
            rabbitAdmin.deleteQueue(queue.getName());
            rabbitAdmin.deleteExchange(exchange.getName());
        }
    }

    private Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT state, attempts FROM mq_message WHERE id = ?", id);
    }
}
