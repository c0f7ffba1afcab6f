package com.changgou.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.order.TestDatabase;
import com.changgou.order.TestVhost;
import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.deadletter.DeadLetterMapper;
import com.changgou.order.deadletter.DeadLetterRow;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.management.OrderLogRow;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.OrderMapper;
import com.changgou.order.management.Refunds;
import com.changgou.order.api.RefundLine;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.message.RefundResultMessage;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.outbox.OutboxRelayRunner;
import com.changgou.security.TestTokens;
import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageListenerContainer;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The order service against the machine's real RabbitMQ (its own vhost) and MariaDB (its own schema):
 * pay results and timeouts travel through the declared exchanges and queues. The HTTP API is tested
 * in {@code web.OrderApiTest}.
 */
@SpringBootTest(properties = {
        "eureka.client.enabled=false",
        "order.timeout=PT2S",
        // the sweep runs only when a test calls it
        "order.sweep-interval=PT1H",
        "order.sweep-grace=PT1S",
        // one consumer keeps the order of deliveries, so a later message proves the earlier ones were handled
        "spring.rabbitmq.listener.simple.concurrency=1",
        "spring.rabbitmq.listener.simple.max-concurrency=1",
        "order.rabbit.delivery-limit=" + OrderMessagingTest.DELIVERY_LIMIT})
@DirtiesContext
class OrderMessagingTest {

    static final TestDatabase DB = new TestDatabase();
    static final TestVhost VHOST = new TestVhost();
    static final FakePay PAY = new FakePay();
    static final Duration WAIT = Duration.ofSeconds(20);
    /** What {@link #place} costs: two Changgou mugs at the seeded catalogue's 2,500 fen. */
    static final long FEE = 5_000;
    /** This vhost's queues give a message back this many times at most, so a test can spend them all. */
    static final int DELIVERY_LIMIT = 2;

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
        // the context itself is closed later by @DirtiesContext; its consumers and relay must let go of the vhost first
        context.getBean(OutboxRelayRunner.class).stop();
        context.getBean(RabbitListenerEndpointRegistry.class).stop();
        context.getBean(CachingConnectionFactory.class).resetConnection();
        VHOST.delete();
        DB.drop();
    }

    @Autowired
    OrderManagement orders;

    @Autowired
    OrderMapper mapper;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitNames names;

    @Autowired
    OrderExpiry expiry;

    @Autowired
    Refunds refunds;

    @Autowired
    DeadLetterMapper deadLetterRows;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Autowired
    CachingConnectionFactory connectionFactory;

    @Test
    void aPaidResultInTheWireFormatMarksTheOrderPaidWithOneLogRow() {
        OrderView order = place("alice");

        // the JSON the pay service sends, with no type header: the wire format is pinned here
        publish(MessageBuilder.withBody("""
                {"messageId":"%s","type":"order.paid","occurredAt":"2026-01-02T03:04:09Z","orderId":"%s",
                 "outTradeNo":"%s","transactionId":"wx-tx-1","totalFee":%d,"paidAt":"2026-01-02T03:04:05Z"}"""
                .formatted(UUID.randomUUID(), order.id(), order.id(), FEE).getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").build());

        await().atMost(WAIT).until(() -> orders.statusOf(order.id()) == OrderStatus.PAID);
        OrderView paid = orders.get("alice", order.id());
        assertThat(paid.transactionId()).isEqualTo("wx-tx-1");
        assertThat(paid.payTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(paidLogRows(order.id())).singleElement()
                .satisfies(l -> assertThat(l.transactionId()).isEqualTo("wx-tx-1"));
    }

    @Test
    void aResultPublishedBeforePaidAtExistedIsStillAppliedAtTheTimePayStoredIt() {
        OrderView order = place("alice");

        // the previous release's body: WeChat's own time_end instead of paidAt
        publish(MessageBuilder.withBody("""
                {"messageId":"%s","type":"order.paid","occurredAt":"2026-01-02T03:04:09Z","orderId":"%s",
                 "outTradeNo":"%s","transactionId":"wx-tx-old","totalFee":%d,"timeEnd":"20260102110405"}"""
                .formatted(UUID.randomUUID(), order.id(), order.id(), FEE).getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").build());

        await().atMost(WAIT).until(() -> orders.statusOf(order.id()) == OrderStatus.PAID);
        assertThat(orders.get("alice", order.id()).payTime()).isEqualTo(Instant.parse("2026-01-02T03:04:09Z"));
    }

    @Test
    void theSameResultFiveTimesChangesTheOrderOnce() {
        OrderView order = place("alice");
        PayResultMessage result = paid(order, "wx-tx-dup", FEE);

        for (int i = 0; i < 5; i++) {
            rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);
        }
        OrderView sentinel = place("alice");
        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), paid(sentinel, "wx-tx-sentinel", FEE));

        await().atMost(WAIT).until(() -> orders.statusOf(sentinel.id()) == OrderStatus.PAID);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.PAID);
        assertThat(paidLogRows(order.id())).hasSize(1);
        assertThat(mapper.findRefundTodos(order.id())).isEmpty();
    }

    @Test
    void aResultWithTheWrongAmountGoesToTheDeadLetterQueue() {
        OrderView order = place("alice");
        PayResultMessage result = paid(order, "wx-tx-wrong", FEE - 1);

        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);

        awaitDeadLetter(result.messageId());
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void aResultWhoseConsumerDiesHoldingItIsParkedOnceTheDeliveryLimitIsSpent() throws Exception {
        OrderView order = place("frank");
        PayResultMessage result = paid(order, "wx-tx-crash", FEE);
        MessageListenerContainer listener = listeners.getListenerContainer("payResult");
        listener.stop();
        try {
            rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);

            // the broker counts each time the message comes back; past the limit it dead-letters it
            for (int delivery = 0; delivery <= DELIVERY_LIMIT; delivery++) {
                takeWithoutAckAndDie(names.payResultQueue());
            }

            awaitDeadLetter(result.messageId());
        } finally {
            listener.start();
        }
        assertThat(deadLetterRows.findByState(DeadLetterState.OPEN, 1000)).filteredOn(row -> row.body()
                .contains(result.messageId())).singleElement()
                .satisfies(row -> assertThat(row.reason()).contains("delivery_limit", names.payResultQueue()));
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void aResultForAnUnknownOrderGoesToTheDeadLetterQueue() {
        PayResultMessage result = new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE,
                Instant.now(), "404404404", "404404404", "wx-tx-unknown", FEE, null);

        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);

        awaitDeadLetter(result.messageId());
    }

    @Test
    void aBodyThatIsNotJsonGoesToTheDeadLetterQueue() {
        String marker = "not-json-" + UUID.randomUUID();
        publish(MessageBuilder.withBody(marker.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").build());

        awaitDeadLetter(marker);
    }

    @Test
    void moneyForAClosedOrderIsRecordedForRefund() {
        OrderView order = place("alice");
        assertThat(orders.close(order.id(), "test closes it")).isTrue();
        PayResultMessage result = paid(order, "wx-tx-late", FEE);

        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);
        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);

        await().atMost(WAIT).until(() -> !mapper.findRefundTodos(order.id()).isEmpty());
        assertThat(mapper.findRefundTodos(order.id())).singleElement().satisfies(todo -> {
            assertThat(todo.transactionId()).isEqualTo("wx-tx-late");
            assertThat(todo.amount()).isEqualTo(FEE);
        });
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.CLOSED);
        assertThat(mapper.findLogs(order.id())).filteredOn(l -> l.remark().startsWith("refund to do")).hasSize(1);
    }

    @Test
    void anUnpaidOrderIsClosedWhenItsTimeIsUpAndWeChatClosedTheTrade() {
        OrderView order = place("carol");
        PAY.answer(order.id(), CloseOutcome.CLOSED);

        await().atMost(WAIT).until(() -> orders.statusOf(order.id()) == OrderStatus.CLOSED);
        assertThat(mapper.findLogs(order.id())).filteredOn(l -> l.toStatus() == OrderStatus.CLOSED).singleElement()
                .satisfies(l -> assertThat(l.remark()).contains("timeout"));
        assertThat(orders.get("carol", order.id()).closeTime()).isNotNull();
    }

    @Test
    void anOrderWeChatSaysWasPaidStaysUnpaidForThePaidResult() {
        OrderView order = place("carol");
        PAY.answer(order.id(), CloseOutcome.PAID);

        await().atMost(WAIT).until(() -> PAY.closeCallsFor(order.id()) > 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> orders.statusOf(order.id()) == OrderStatus.UNPAID);
    }

    @Test
    void anOrderStaysUnpaidAndIsRetriedWhileThePayServiceIsUnreachable() {
        OrderView order = place("carol");
        PAY.unreachableFor(order.id());

        await().atMost(WAIT).until(() -> PAY.closeCallsFor(order.id()) >= 2);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void theSweepClosesAnExpiredOrderWhoseTimeoutMessageWasLost() {
        OrderView order = place("dave");
        PAY.unreachableFor(order.id());
        // the delay message gives up after its retries, as if it had been lost
        await().atMost(WAIT).until(() -> PAY.closeCallsFor(order.id()) >= 5);
        PAY.reachableAgainFor(order.id());
        PAY.answer(order.id(), CloseOutcome.NO_PAYMENT);

        await().atMost(WAIT).untilAsserted(() -> {
            expiry.sweep();
            assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.CLOSED);
        });
        assertThat(mapper.findLogs(order.id())).filteredOn(l -> l.toStatus() == OrderStatus.CLOSED).singleElement()
                .satisfies(l -> assertThat(l.remark()).contains("sweep"));
    }

    @Test
    void theDelayQueueIsNamedAfterTheTimeout() {
        assertThat(names.delayQueue(Duration.ofSeconds(2))).isEqualTo("order.timeout.delay.2s");
        String declared = rabbit.execute(channel -> channel.queueDeclarePassive("order.timeout.delay.2s").getQueue());
        assertThat(declared).isEqualTo("order.timeout.delay.2s");
    }

    @Test
    void aRefundResultInTheWireFormatRefundsTheOrderOnceHoweverOftenItIsDelivered() {
        OrderView order = paidOrder("erin");
        RefundLine refund = refunds.cancel("erin", order.id());
        String body = """
                {"messageId":"%s","type":"order.refund","occurredAt":"2026-01-02T03:05:09Z","orderId":"%s",
                 "outRefundNo":"%s","outTradeNo":"%s","transactionId":"wx-%s","refundFee":%d,"state":"SUCCESS",
                 "reason":null,"refundedAt":"2026-01-02T03:05:05Z"}"""
                .formatted(UUID.randomUUID(), order.id(), refund.id(), order.id(), order.id(), FEE);

        for (int i = 0; i < 3; i++) {
            publishRefundResult(MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                    .setContentType("application/json").build());
        }
        OrderView sentinel = paidOrder("erin");
        RefundLine sentinelRefund = refunds.cancel("erin", sentinel.id());
        rabbit.convertAndSend(names.payExchange(), names.refundResultRoutingKey(),
                refundResult(sentinel, sentinelRefund, FEE, RefundState.REFUNDCLOSE));

        await().atMost(WAIT).until(() -> orders.statusOf(sentinel.id()) == OrderStatus.PAID
                && orders.get("erin", sentinel.id()).refunds().get(0).state() == OrderRefundState.CLOSED);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDED);
        assertThat(mapper.findLogs(order.id())).filteredOn(l -> l.toStatus() == OrderStatus.REFUNDED).hasSize(1)
                .allSatisfy(l -> assertThat(l.fromStatus()).isEqualTo(OrderStatus.REFUNDING));
        assertThat(orders.get("erin", order.id()).refunds()).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(OrderRefundState.SUCCESS));
    }

    @Test
    void aRefundResultForAnUnknownRefundIsAcknowledgedAndDropped() {
        OrderView order = paidOrder("erin");
        RefundLine unknown = new RefundLine("404404404", FEE, RefundKind.SHOPPER_CANCEL, OrderRefundState.REQUESTED,
                null, null, null);
        rabbit.convertAndSend(names.payExchange(), names.refundResultRoutingKey(),
                refundResult(order, unknown, FEE, RefundState.SUCCESS));
        RefundLine known = refunds.cancel("erin", order.id());
        rabbit.convertAndSend(names.payExchange(), names.refundResultRoutingKey(),
                refundResult(order, known, FEE, RefundState.SUCCESS));

        await().atMost(WAIT).until(() -> orders.statusOf(order.id()) == OrderStatus.REFUNDED);
        assertThat(messagesIn(names.refundResultQueue())).isZero();
        assertThat(deadLettersOfRefunds()).noneMatch(body -> body.contains("404404404"));
    }

    @Test
    void aMalformedRefundResultOrOneOfTheWrongAmountGoesToTheRefundDeadLetterQueue() {
        String marker = "not-json-" + UUID.randomUUID();
        publishRefundResult(MessageBuilder.withBody(marker.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").build());
        OrderView order = paidOrder("erin");
        RefundLine refund = refunds.cancel("erin", order.id());
        RefundResultMessage wrong = refundResult(order, refund, FEE - 1, RefundState.SUCCESS);
        rabbit.convertAndSend(names.payExchange(), names.refundResultRoutingKey(), wrong);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettersOfRefunds())
                .anyMatch(body -> body.contains(marker)).anyMatch(body -> body.contains(wrong.messageId())));
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDING);
    }

    private OrderView paidOrder(String username) {
        OrderView order = place(username);
        orders.markPaid(new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE, Instant.now(),
                order.id(), order.id(), "wx-" + order.id(), FEE, Instant.now()));
        return order;
    }

    private static RefundResultMessage refundResult(OrderView order, RefundLine refund, long fee, RefundState state) {
        return new RefundResultMessage(UUID.randomUUID().toString(), RefundResultMessage.TYPE, Instant.now(),
                order.id(), refund.id(), order.id(), "wx-" + order.id(), fee, state,
                state == RefundState.REFUNDCLOSE ? "closed by WeChat" : null,
                state == RefundState.SUCCESS ? Instant.now() : null);
    }

    private void publishRefundResult(Message message) {
        rabbit.send(names.payExchange(), names.refundResultRoutingKey(), message);
    }

    private int messagesIn(String queue) {
        return rabbit.execute(channel -> channel.queueDeclarePassive(queue).getMessageCount());
    }

    /** The bodies parked from the refund DLQ so far. */
    private List<String> deadLettersOfRefunds() {
        return parked(names.refundDeadLetterQueue());
    }

    /** The bodies parked from {@code queue}: the parker empties the DLQs into dead_letter. */
    private List<String> parked(String queue) {
        return deadLetterRows.findByState(DeadLetterState.OPEN, 1000).stream()
                .filter(row -> row.queue().equals(queue)).map(DeadLetterRow::body).toList();
    }

    private OrderView place(String username) {
        return orders.place(username, new PlaceOrderRequest(List.of(new OrderItemRequest(100002L, 2))));
    }

    private static PayResultMessage paid(OrderView order, String transactionId, long fee) {
        return new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE, Instant.now(), order.id(),
                order.id(), transactionId, fee, null);
    }

    private void publish(Message message) {
        rabbit.send(names.payExchange(), names.payResultRoutingKey(), message);
    }

    private List<OrderLogRow> paidLogRows(String orderId) {
        return mapper.findLogs(orderId).stream().filter(l -> l.toStatus() == OrderStatus.PAID).toList();
    }

    /**
     * What a consumer that crashes leaves behind: it took the head of {@code queue} on a channel of its own
     * and went away without an ack (the channel closes), so the broker puts it back, counted.
     */
    private void takeWithoutAckAndDie(String queue) throws Exception {
        Channel channel = connectionFactory.createConnection().getDelegate().createChannel();
        try {
            await().atMost(WAIT).until(() -> channel.basicGet(queue, false) != null);
        } finally {
            channel.close();
        }
    }

    /** Waits until the marked message was given up on and parked from the pay result DLQ. */
    private void awaitDeadLetter(String marker) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(parked(names.deadLetterQueue()))
                .anyMatch(body -> body.contains(marker)));
    }
}
