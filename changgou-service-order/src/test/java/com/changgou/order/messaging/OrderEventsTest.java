package com.changgou.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.order.FixtureJdbc;
import com.changgou.order.TestDatabase;
import com.changgou.order.TestVhost;
import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.api.RefundLine;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.Refunds;
import com.changgou.outbox.OutboxMapper;
import com.changgou.outbox.OutboxProperties;
import com.changgou.outbox.OutboxRelay;
import com.changgou.outbox.OutboxRelayRunner;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.pay.api.message.RefundResultMessage;
import com.changgou.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order events against the machine's real RabbitMQ (a vhost of its own) and MariaDB (a schema of
 * its own): written with the change they announce, relayed to {@code order.events} with confirms, and
 * never lost to a stopped relay, an unreachable broker or a fanout nobody is bound to yet. The queues
 * here stand in for the subscribing services' own.
 */
@Import(FixtureJdbc.class)
@SpringBootTest(properties = {
        "eureka.client.enabled=false",
        "order.sweep-interval=PT1H",
        "order.refund.submit-interval=PT1H",
        // quick retries, so a test sees several attempts of an event the broker did not take
        "changgou.outbox.backoff-initial=100ms",
        "changgou.outbox.backoff-max=1s",
        "changgou.outbox.confirm-timeout=3s"})
@DirtiesContext
class OrderEventsTest {

    static final TestDatabase DB = new TestDatabase();
    static final TestVhost VHOST = new TestVhost();
    static final FakePay PAY = new FakePay();
    static final Duration WAIT = Duration.ofSeconds(20);
    static final long MUG = 100002L;
    static final long COURSE = 100005L;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        VHOST.create();
        VHOST.register(registry);
        DB.register(registry);
        TestTokens.register(registry);
        registry.add("changgou.security.service-account.password", () -> "order-service-test-secret-0123456789");
    }

    @TestBean
    PayFeign payFeign;

    static PayFeign payFeign() {
        return PAY;
    }

    @AfterAll
    static void cleanUp(ApplicationContext context) throws Exception {
        // the context itself is closed later by @DirtiesContext; its consumers must let go of the vhost first
        context.getBean(OutboxRelayRunner.class).stop();
        context.getBean(RabbitListenerEndpointRegistry.class).stop();
        context.getBean(CachingConnectionFactory.class).resetConnection();
        VHOST.delete();
        DB.drop();
    }

    @Autowired
    OrderManagement orders;
    @Autowired
    Refunds refunds;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin admin;
    @Autowired
    RabbitNames names;
    @Autowired
    FanoutExchange orderEventsExchange;
    @Autowired
    CachingConnectionFactory connectionFactory;
    @Autowired
    OutboxRelayRunner relayRunner;
    @Autowired
    OutboxMapper outboxMapper;
    @Autowired
    OutboxProperties outboxProperties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private final List<String> queues = new ArrayList<>();

    @AfterEach
    void deleteSubscriberQueues() {
        queues.forEach(admin::deleteQueue);
        queues.clear();
    }

    @Test
    void aPaidOrderIsAnnouncedOnceOnOrderEventsHoweverOftenItsPayResultIsDelivered() {
        String subscriber = subscriber();
        OrderView order = place("alice", MUG, 2);
        PayResultMessage result = paid(order, "wx-tx-1");

        for (int i = 0; i < 3; i++) {
            rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);
        }
        OrderView sentinel = place("alice", MUG, 1);
        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), paid(sentinel, "wx-tx-2"));

        List<Message> events = eventsUntil(subscriber, "paid-" + sentinel.id());
        assertThat(of(order, events)).singleElement().satisfies(event -> {
                    MessageProperties properties = event.getMessageProperties();
                    assertThat(properties.getType()).isEqualTo("order.paid");
                    assertThat(properties.getContentType()).isEqualTo(MessageProperties.CONTENT_TYPE_JSON);
                    assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
                    assertThat(properties.getReceivedExchange()).isEqualTo(names.orderEventsExchange());
                    assertThat(properties.getReceivedRoutingKey()).isEmpty();
                    String body = new String(event.getBody(), StandardCharsets.UTF_8);
                    assertThat(JsonPath.<String>read(body, "$.eventId")).isEqualTo("paid-" + order.id());
                    assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("order.paid");
                    assertThat(JsonPath.<String>read(body, "$.orderId")).isEqualTo(order.id());
                    assertThat(JsonPath.<String>read(body, "$.username")).isEqualTo("alice");
                    assertThat(JsonPath.<String>read(body, "$.businessType")).isEqualTo("GOODS");
                    assertThat(JsonPath.<Integer>read(body, "$.amountFen")).isEqualTo(5_000);
                    assertThat(JsonPath.<Integer>read(body, "$.paidFen")).isEqualTo(5_000);
                    assertThat(Instant.parse(JsonPath.read(body, "$.occurredAt"))).isNotNull();
                });
        assertThat(rowsOf(order)).containsExactly(Map.entry("paid-" + order.id(), "SENT"));
    }

    @Test
    void aSuccessfulRefundOfACourseIsAnnouncedWithItsAmountAndWhatWasPaid() {
        String subscriber = subscriber();
        OrderView order = place("bob", COURSE, 1);
        orders.markPaid(paid(order, "wx-tx-3"));
        RefundLine refund = refunds.cancel("bob", order.id());
        await().atMost(WAIT).until(() -> refundState(order, refund) == OrderRefundState.SUBMITTED);

        rabbit.convertAndSend(names.payExchange(), names.refundResultRoutingKey(), new RefundResultMessage(
                UUID.randomUUID().toString(), RefundResultMessage.TYPE, Instant.now(), order.id(), refund.id(),
                order.id(), "wx-tx-3", 19_900, RefundState.SUCCESS, null, Instant.now()));

        List<Message> events = of(order, eventsUntil(subscriber, "refunded-" + refund.id()));
        assertThat(events).extracting(m -> m.getMessageProperties().getMessageId())
                .containsExactly("paid-" + order.id(), "refunded-" + refund.id());
        String paid = new String(events.get(0).getBody(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(paid, "$.businessType")).isEqualTo("COURSE");
        String refunded = new String(events.get(1).getBody(), StandardCharsets.UTF_8);
        assertThat(events.get(1).getMessageProperties().getType()).isEqualTo("order.refunded");
        assertThat(JsonPath.<String>read(refunded, "$.type")).isEqualTo("order.refunded");
        assertThat(JsonPath.<String>read(refunded, "$.businessType")).isEqualTo("COURSE");
        assertThat(JsonPath.<Integer>read(refunded, "$.amountFen")).isEqualTo(19_900);
        assertThat(JsonPath.<Integer>read(refunded, "$.paidFen")).isEqualTo(19_900);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void aPaymentWhoseTransactionRollsBackAnnouncesNothing() {
        OrderView order = place("carol", MUG, 1);

        tx.executeWithoutResult(status -> {
            orders.markPaid(paid(order, "wx-tx-4"));
            status.setRollbackOnly();
        });

        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.UNPAID);
        assertThat(rowsOf(order)).isEmpty();
    }

    /** The service "killed" between its PAID commit and the publish: the next relay to run publishes it. */
    @Test
    void anOrderPaidWhileTheRelayIsStoppedIsAnnouncedByTheNextRelay() {
        String subscriber = subscriber();
        OrderView order = place("dave", MUG, 1);
        relayRunner.stop();
        try {
            orders.markPaid(paid(order, "wx-tx-5"));

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> rowsOf(order).equals(List.of(Map.entry("paid-" + order.id(), "NEW"))));
            assertThat(rabbit.receive(subscriber, 500)).isNull();

            // a relay of a new instance of the service, sharing nothing with the stopped one but the database
            assertThat(newRelay().relayOnce()).isPositive();
        } finally {
            relayRunner.start();
        }

        assertThat(of(order, eventsUntil(subscriber, "paid-" + order.id()))).hasSize(1);
        assertThat(rowsOf(order)).containsExactly(Map.entry("paid-" + order.id(), "SENT"));
    }

    @Test
    void anOrderPaidWhileTheBrokerIsUnreachableIsAnnouncedOnceItIsBack() throws IOException {
        String subscriber = subscriber();
        OrderView order = place("erin", MUG, 1);

        pointRabbitAt("127.0.0.1:" + closedPort());
        try {
            // the payment is stored whatever the broker's state: the event is the relay's problem
            orders.markPaid(paid(order, "wx-tx-6"));
            assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.PAID);
            await().atMost(WAIT).until(() -> stillNewAfterAttempts(order, 2));
        } finally {
            pointRabbitAt("127.0.0.1:5672");
        }

        assertThat(of(order, eventsUntil(subscriber, "paid-" + order.id()))).hasSize(1);
        await().atMost(WAIT).until(() -> rowsOf(order).equals(List.of(Map.entry("paid-" + order.id(), "SENT"))));
    }

    /** No subscriber bound yet: the mandatory publish comes back, and the event waits instead of vanishing. */
    @Test
    void anEventNoQueueTookComesBackAndWaitsUntilASubscriberBinds() {
        OrderView order = place("frank", MUG, 1);

        orders.markPaid(paid(order, "wx-tx-7"));
        await().atMost(WAIT).until(() -> stillNewAfterAttempts(order, 2));

        String subscriber = subscriber();
        assertThat(of(order, eventsUntil(subscriber, "paid-" + order.id()))).hasSize(1);
        await().atMost(WAIT).until(() -> rowsOf(order).equals(List.of(Map.entry("paid-" + order.id(), "SENT"))));
    }

    /** A durable queue of this test bound to order.events, as a subscribing service binds its own. */
    private String subscriber() {
        Queue queue = new Queue("order-events-test-" + UUID.randomUUID(), true, false, false);
        admin.declareQueue(queue);
        Binding binding = BindingBuilder.bind(queue).to(orderEventsExchange);
        admin.declareBinding(binding);
        queues.add(queue.getName());
        return queue.getName();
    }

    /** The events on {@code queue} up to and including {@code last}, in the order they arrived. */
    private List<Message> eventsUntil(String queue, String last) {
        List<Message> events = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            Message message = rabbit.receive(queue, 200);
            if (message != null) {
                events.add(message);
            }
            return events.stream().anyMatch(m -> last.equals(m.getMessageProperties().getMessageId()));
        });
        return events;
    }

    /** The events of this order among {@code events}: the subscriber hears every order's. */
    private static List<Message> of(OrderView order, List<Message> events) {
        return events.stream()
                .filter(m -> order.id().equals(JsonPath.read(new String(m.getBody(), StandardCharsets.UTF_8),
                        "$.orderId")))
                .toList();
    }

    /** The order's rows in the outbox, id → state. */
    private List<Map.Entry<String, String>> rowsOf(OrderView order) {
        return jdbc.sql("SELECT id, state FROM mq_message WHERE JSON_VALUE(body, '$.orderId') = ? ORDER BY id")
                .param(order.id())
                .query((rs, row) -> Map.entry(rs.getString("id"), rs.getString("state")))
                .list();
    }

    private boolean stillNewAfterAttempts(OrderView order, int attempts) {
        return jdbc.sql("SELECT COUNT(*) FROM mq_message WHERE id = ? AND state = 'NEW' AND attempts >= ?")
                .params("paid-" + order.id(), attempts).query(Integer.class).single() == 1;
    }

    private OrderRefundState refundState(OrderView order, RefundLine refund) {
        return orders.get(order.username(), order.id()).refunds().stream().filter(r -> r.id().equals(refund.id()))
                .findFirst().orElseThrow().state();
    }

    private OutboxRelay newRelay() {
        TransactionTemplate readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new OutboxRelay(outboxMapper, readCommitted, rabbit, outboxProperties, Clock.systemUTC(), Set.of());
    }

    private OrderView place(String username, long skuId, int quantity) {
        return orders.place(username, new PlaceOrderRequest(List.of(new OrderItemRequest(skuId, quantity))));
    }

    private static PayResultMessage paid(OrderView order, String transactionId) {
        return new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE, Instant.now(), order.id(),
                order.id(), transactionId, order.payMoneyFen(), Instant.now());
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
