package com.changgou.pay.support;

import com.changgou.pay.alipay.AlipayTestKeys;
import com.changgou.security.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pay service wired for real against its own schema and vhost, with WeChat and the order
 * service scripted. Every subclass shares one context, so data is told apart by fresh order ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.discovery.enabled=false",
        "pay.reconcile.enabled=false",
        "pay.refund.enabled=false",
        // Short, so a test can see it run out; long enough that a burst of polls fits inside it.
        "pay.status-query-interval=2s",
        "changgou.outbox.backoff-initial=100ms",
        "changgou.outbox.backoff-max=1s",
        "changgou.outbox.confirm-timeout=3s",
        "pay.wechat.base-url=http://127.0.0.1:1",
        "pay.wechat.app-id=wxtest0000000000",
        "pay.wechat.mch-id=1900000009",
        "pay.wechat.key=testkey0000000000000000000000000",
        "pay.wechat.notify-url=http://127.0.0.1:1/notify"})
@Import(PayTestBeans.class)
public abstract class PayIntegrationTest {

    @Autowired
    protected RabbitAdmin rabbitAdmin;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ScriptedWechat wechat;
    @Autowired
    protected FakeOrders orders;
    @Autowired
    protected RabbitTemplate rabbitTemplate;
    @Autowired
    private FanoutExchange notifyExchange;

    private final List<String> queues = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.create();
        TestTokens.register(registry, TestTokens.ORDER_SERVICE);
        registry.add("spring.datasource.url", TestInfra::jdbcUrl);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.rabbitmq.addresses", () -> "127.0.0.1:5672");
        registry.add("spring.rabbitmq.virtual-host", () -> TestInfra.VHOST);
        // the administrator: these tests also declare and read queues in the order service's place
        registry.add("spring.rabbitmq.username", () -> TestInfra.RABBIT_USER);
        registry.add("spring.rabbitmq.password", () -> TestInfra.RABBIT_PASSWORD);
        // Alipay on, against the tests' own scripted gateway and throw-away keys.
        registry.add("pay.alipay.app-private-key", () -> AlipayTestKeys.file("app-private.pem").toString());
        registry.add("pay.alipay.alipay-public-key", () -> AlipayTestKeys.file("alipay-public.pem").toString());
        registry.add("pay.alipay.gateway-url", () -> ScriptedAlipay.shared().gateway().toString());
        registry.add("pay.alipay.seller-id", () -> AlipayNotifications.SELLER_ID);
        registry.add("pay.alipay.max-attempts", () -> "2");
        registry.add("pay.alipay.retry-backoff", () -> "20ms");
    }

    /**
     * A queue of this test only, bound where the order service's order.pay.result queue would be, to
     * the order.pay exchange the order service would declare (the pay service only publishes there).
     */
    protected String payResultQueue() {
        return payExchangeQueue("order.pay.result");
    }

    /** The same where the order service's order.refund.result queue would be. */
    protected String refundResultQueue() {
        return payExchangeQueue("order.refund.result");
    }

    private String payExchangeQueue(String routingKey) {
        DirectExchange payExchange = new DirectExchange("order.pay", true, false);
        rabbitAdmin.declareExchange(payExchange);
        Queue queue = declare();
        rabbitAdmin.declareBinding(BindingBuilder.bind(queue).to(payExchange).with(routingKey));
        return queue.getName();
    }

    /** A queue of this test only, bound to the paynotify fanout like a browser's STOMP subscription. */
    protected String payNotifyQueue() {
        Queue queue = declare();
        Binding binding = BindingBuilder.bind(queue).to(notifyExchange);
        rabbitAdmin.declareBinding(binding);
        return queue.getName();
    }

    private Queue declare() {
        // Durable and not exclusive: it must outlive a connection reset in the broker-outage test.
        Queue queue = new Queue("pay-test-" + UUID.randomUUID(), true, false, false);
        rabbitAdmin.declareQueue(queue);
        queues.add(queue.getName());
        return queue;
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

    @AfterEach
    void deleteQueues() {
        queues.forEach(rabbitAdmin::deleteQueue);
        queues.clear();
    }
}
