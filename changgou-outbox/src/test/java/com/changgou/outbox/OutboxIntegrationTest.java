package com.changgou.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox wired for real against a schema and vhost of the run's own, its relay running. Every
 * subclass shares one context, so data is told apart by fresh message ids.
 */
@SpringBootTest(classes = OutboxTestApplication.class)
abstract class OutboxIntegrationTest {

    @Autowired
    protected RabbitAdmin rabbitAdmin;
    @Autowired
    protected RabbitTemplate rabbitTemplate;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected DirectExchange testExchange;

    private final List<String> queues = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.create();
        registry.add("spring.datasource.url", TestInfra::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestInfra.DB_USER);
        registry.add("spring.datasource.password", () -> TestInfra.DB_PASSWORD);
        registry.add("spring.rabbitmq.virtual-host", () -> TestInfra.VHOST);
        registry.add("spring.rabbitmq.username", () -> TestInfra.RABBIT_USER);
        registry.add("spring.rabbitmq.password", () -> TestInfra.RABBIT_PASSWORD);
    }

    /** A queue of this test only, bound to the test exchange with its routing key. */
    protected String boundQueue() {
        return boundQueue(testExchange, OutboxTestApplication.ROUTING_KEY);
    }

    protected String boundQueue(Exchange exchange, String routingKey) {
        // Durable and not exclusive: it must outlive a connection reset in the broker-outage test.
        Queue queue = new Queue("outbox-test-" + UUID.randomUUID(), true, false, false);
        rabbitAdmin.declareQueue(queue);
        queues.add(queue.getName());
        rabbitAdmin.declareBinding(new Binding(queue.getName(), Binding.DestinationType.QUEUE, exchange.getName(),
                routingKey, null));
        return queue.getName();
    }

    /** A fresh message id: {@code mq_message.id} holds 40 characters. */
    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    protected static OutgoingMessage message(String id) {
        return new OutgoingMessage(id, "test", OutboxTestApplication.EXCHANGE, OutboxTestApplication.ROUTING_KEY,
                Map.of("messageId", id));
    }

    /**
     * The first message on {@code queue} with this id, skipping others: tests share the exchanges,
     * so another test's late message may arrive here too.
     */
    protected Message awaitMessage(String queue, String messageId) {
        return awaitMessage(queue, m -> messageId.equals(m.getMessageProperties().getMessageId()));
    }

    protected Message awaitMessage(String queue, Predicate<Message> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Message message = rabbitTemplate.receive(queue, 500);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching message on " + queue);
    }

    /** Everything that arrives on {@code queue} until it has stayed quiet for {@code quiet}. */
    protected List<Message> drain(String queue, Duration quiet) {
        List<Message> messages = new ArrayList<>();
        Message message;
        while ((message = rabbitTemplate.receive(queue, quiet.toMillis())) != null) {
            messages.add(message);
        }
        return messages;
    }

    protected Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT state, attempts FROM mq_message WHERE id = ?", id);
    }

    @AfterEach
    void deleteQueues() {
        queues.forEach(rabbitAdmin::deleteQueue);
        queues.clear();
    }
}
