package com.changgou.order.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.changgou.order.FixtureJdbc;
import com.changgou.order.TestDatabase;
import com.changgou.order.TestVhost;
import com.changgou.order.actions.OperatorActions;
import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.RefundLine;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import com.changgou.order.api.ops.OrderStory;
import com.changgou.order.api.ops.RefundAttention;
import com.changgou.order.deadletter.DeadLetterDecidedException;
import com.changgou.order.deadletter.DeadLetterRedrive;
import com.changgou.order.deadletter.DeadLetters;
import com.changgou.order.deadletter.RedriveAnswer;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.RefundDecisions;
import com.changgou.order.management.RefundRefusedException;
import com.changgou.order.management.Refunds;
import com.changgou.order.messaging.FakePay;
import com.changgou.order.messaging.RabbitNames;
import com.changgou.outbox.OutboxRelayRunner;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.security.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
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

/**
 * What an operator sees and does, against the machine's real RabbitMQ (its own vhost) and MariaDB (its
 * own schema): messages given up on are parked with why, re-driven through their consumer's own path or
 * discarded; refunds that need a person are approved or asked for again; every action is recorded, and
 * the business metrics move.
 */
@Import(FixtureJdbc.class)
@SpringBootTest(properties = {
        "eureka.client.enabled=false",
        "order.sweep-interval=PT1H",
        "order.refund.submit-interval=PT1H",
        "order.metrics.gauge-refresh=PT0.2S",
        "order.dead-letters.park-backoff=PT0.1S"})
@DirtiesContext
class OpsFlowTest {

    static final TestDatabase DB = new TestDatabase();
    static final TestVhost VHOST = new TestVhost();
    static final FakePay PAY = new FakePay();
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Two Changgou mugs at the seeded 2,500 fen. */
    static final long FEE = 5_000;

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
    DeadLetters deadLetters;

    @Autowired
    DeadLetterRedrive redrive;

    @Autowired
    RefundDecisions decisions;

    @Autowired
    RefundDesk desk;

    @Autowired
    OrderStories stories;

    @Autowired
    OperatorActions actions;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitNames names;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPoisonPayResultIsParkedOnceWithWhyAndTheDeadLetterQueueIsEmptied() {
        double parkedBefore = count("changgou.order.dead.letters", "queue", names.deadLetterQueue());
        String marker = "{this is not a pay result " + UUID.randomUUID();
        Message poison = MessageBuilder.withBody(marker.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").build();

        rabbit.send(names.payExchange(), names.payResultRoutingKey(), poison);

        DeadLetterView parked = await().atMost(WAIT).until(() -> openWithBody(marker), found -> found != null);
        assertThat(parked.queue()).isEqualTo(names.deadLetterQueue());
        assertThat(parked.reason()).contains("MessageConversionException").contains("caused by");
        assertThat(parked.state()).isEqualTo(DeadLetterState.OPEN);
        await().atMost(WAIT).until(() -> messagesIn(names.deadLetterQueue()) == 0);
        assertThat(count("changgou.order.dead.letters", "queue", names.deadLetterQueue()) - parkedBefore).isEqualTo(1);

        // the broker delivers it again (a lost ack): found by its body, no second row
        rabbit.send(names.deadLetterExchange(), names.deadLetterRoutingKey(), poison);
        await().atMost(WAIT).until(() -> messagesIn(names.deadLetterQueue()) == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE body = ?").param(marker).query(Long.class).single())
                .isOne();
        assertThat(count("changgou.order.dead.letters", "queue", names.deadLetterQueue()) - parkedBefore).isEqualTo(1);
        await().atMost(WAIT).until(() -> gauge("changgou.order.dead.letters.open") == deadLetters.countOpen());
    }

    @Test
    void aResultOfTheWrongAmountIsRejectedAgainUntilTheOrderIsRepairedThenAppliedByItsOwnPath() {
        OrderView order = place("alice");
        PayResultMessage result = new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE,
                Instant.now(), order.id(), order.id(), "wx-tx-repaired", FEE, null);
        jdbc.sql("UPDATE tb_order SET pay_money = pay_money + 1 WHERE id = ?").param(order.id()).update();
        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);
        DeadLetterView parked = await().atMost(WAIT).until(() -> ofOrder(order.id()), found -> found != null);
        assertThat(parked.reason()).contains("PaymentRejectedException").contains(order.id());
        assertThat(parked.messageId()).isEqualTo(result.messageId());
        double paidBefore = count("changgou.order.paid");
        long latencyBefore = meters.get("changgou.order.payment.latency").timer().count();

        RedriveAnswer again = redrive.redrive(parked.id(), "olga", "trying before the fix");

        assertThat(again.applied()).isFalse();
        assertThat(again.outcome()).startsWith("rejected again");
        assertThat(again.deadLetter().state()).isEqualTo(DeadLetterState.OPEN);
        assertThat(again.deadLetter().redriveAttempts()).isOne();
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.UNPAID);

        jdbc.sql("UPDATE tb_order SET pay_money = pay_money - 1 WHERE id = ?").param(order.id()).update();
        RedriveAnswer applied = redrive.redrive(parked.id(), "olga", "order amount restored");

        assertThat(applied.applied()).isTrue();
        assertThat(applied.outcome()).isEqualTo("applied: PAID");
        assertThat(applied.deadLetter().state()).isEqualTo(DeadLetterState.REDRIVEN);
        assertThat(applied.deadLetter().decidedBy()).isEqualTo("olga");
        assertThat(applied.deadLetter().decisionReason()).isEqualTo("order amount restored");
        assertThat(orders.get("alice", order.id()).transactionId()).isEqualTo("wx-tx-repaired");
        assertThat(count("changgou.order.paid") - paidBefore).isEqualTo(1);
        assertThat(meters.get("changgou.order.payment.latency").timer().count() - latencyBefore).isOne();
        assertThatThrownBy(() -> redrive.redrive(parked.id(), "olga", "once more"))
                .isInstanceOf(DeadLetterDecidedException.class);

        OrderStory story = stories.of(order.id());
        assertThat(story.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(story.log()).anySatisfy(change -> assertThat(change.toState()).isEqualTo("PAID"));
        assertThat(story.events()).anySatisfy(event -> assertThat(event.id()).isEqualTo("paid-" + order.id()));
        assertThat(story.deadLetters()).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DeadLetterState.REDRIVEN));
        assertThat(story.operatorActions()).extracting(a -> a.outcome().substring(0, 7))
                .containsExactly("rejecte", "applied");
    }

    @Test
    void aDiscardedDeadLetterCannotBeDiscardedAgain() {
        OrderView order = place("bob");
        PayResultMessage result = new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE,
                Instant.now(), order.id(), order.id(), "wx-tx-wrong", FEE - 1, null);
        rabbit.convertAndSend(names.payExchange(), names.payResultRoutingKey(), result);
        DeadLetterView parked = await().atMost(WAIT).until(() -> ofOrder(order.id()), found -> found != null);

        DeadLetterView discarded = deadLetters.discard(parked.id(), "olga", "a forged amount, nobody paid this");

        assertThat(discarded.state()).isEqualTo(DeadLetterState.DISCARDED);
        assertThat(discarded.decidedBy()).isEqualTo("olga");
        assertThat(deadLetters.inState(DeadLetterState.DISCARDED)).extracting(DeadLetterView::id).contains(parked.id());
        assertThat(deadLetters.inState(null)).extracting(DeadLetterView::id).doesNotContain(parked.id());
        assertThatThrownBy(() -> deadLetters.discard(parked.id(), "olga", "again"))
                .isInstanceOf(DeadLetterDecidedException.class);
        assertThat(actions.ofOrder(order.id())).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo("DISCARD"));
    }

    @Test
    void anApprovedChangeRefundRefundsTheOrderAsASettledRefundDoes() {
        OrderView order = paid("carol");
        PAY.answerRefunds(order.id(), RefundState.CHANGE);
        RefundLine refund = refunds.cancel("carol", order.id());
        await().atMost(WAIT).until(() -> stateOf(order.id(), refund.id()) == OrderRefundState.CHANGE);
        assertThat(decisions.needingAttention()).anySatisfy(a -> {
            assertThat(a.refundId()).isEqualTo(refund.id());
            assertThat(a.why()).contains("CHANGE");
        });
        await().atMost(WAIT).until(() -> gauge("changgou.order.refunds.attention") == decisions.countNeedingAttention());
        double successBefore = count("changgou.order.refunds", "state", "success");
        // WeChat still holds a CHANGE refund and may pay it out yet: a second refund beside it could pay twice.
        assertThatThrownBy(() -> desk.retry(refund.id(), "olga", "ask again")).isInstanceOf(RefundRefusedException.class)
                .hasMessageContaining("only a refused or closed refund");

        RefundAttention approved = desk.approve(refund.id(), "olga", "bank transfer made by finance");

        assertThat(approved.state()).isEqualTo(OrderRefundState.SUCCESS);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDED);
        assertThat(count("changgou.order.refunds", "state", "success") - successBefore).isEqualTo(1);
        OrderStory story = stories.of(order.id());
        assertThat(story.events()).anySatisfy(event -> assertThat(event.id()).isEqualTo("refunded-" + refund.id()));
        assertThat(story.log()).anySatisfy(change -> {
            assertThat(change.toState()).isEqualTo("REFUNDED");
            assertThat(change.actor()).isEqualTo("operator:olga");
        });
        assertThat(story.operatorActions()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("APPROVE");
            assertThat(a.operator()).isEqualTo("olga");
            assertThat(a.reason()).isEqualTo("bank transfer made by finance");
        });
        assertThat(decisions.needingAttention()).noneMatch(a -> a.refundId().equals(refund.id()));
        assertThatThrownBy(() -> desk.approve(refund.id(), "olga", "twice")).isInstanceOf(RefundRefusedException.class);
    }

    @Test
    void aRefusedRefundIsAskedForAgainUnderANewIdAndSubmitted() {
        OrderView order = paid("dave");
        PAY.answerRefunds(order.id(), RefundState.REFUSED);
        RefundLine refused = refunds.cancel("dave", order.id());
        await().atMost(WAIT).until(() -> stateOf(order.id(), refused.id()) == OrderRefundState.REFUSED);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.PAID);
        PAY.answerRefunds(order.id(), RefundState.PROCESSING);
        double requestedBefore = count("changgou.order.refunds", "state", "requested");

        RefundAttention retry = desk.retry(refused.id(), "olga", "the shop's balance is topped up");

        assertThat(retry.refundId()).isNotEqualTo(refused.id());
        assertThat(retry.state()).isEqualTo(OrderRefundState.REQUESTED);
        assertThat(retry.amountFen()).isEqualTo(FEE);
        assertThat(retry.kind()).isEqualTo(RefundKind.SHOPPER_CANCEL);
        assertThat(count("changgou.order.refunds", "state", "requested") - requestedBefore).isEqualTo(1);
        await().atMost(WAIT).until(() -> stateOf(order.id(), retry.refundId()) == OrderRefundState.SUBMITTED);
        assertThat(stateOf(order.id(), refused.id())).isEqualTo(OrderRefundState.REFUSED);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDING);
        assertThat(actions.ofOrder(order.id())).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("RETRY");
            assertThat(a.subject()).isEqualTo("refund:" + refused.id());
        });
        assertThatThrownBy(() -> desk.retry(retry.refundId(), "olga", "not refused"))
                .isInstanceOf(RefundRefusedException.class);
    }

    @Test
    void moneyPaidAfterCloseThatCouldNotBeReturnedIsRetriedAndItsTodoFollowsTheNewRefund() {
        OrderView order = place("erin");
        assertThat(orders.close(order.id(), "test closes it")).isTrue();
        PAY.answerRefunds(order.id(), RefundState.REFUSED);
        orders.markPaid(new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE, Instant.now(),
                order.id(), order.id(), "wx-late-" + order.id(), FEE, Instant.now()));
        RefundAttention owed = await().atMost(WAIT).until(() -> decisions.needingAttention().stream()
                .filter(a -> a.orderId().equals(order.id())).findFirst().orElse(null), found -> found != null);
        assertThat(owed.kind()).isEqualTo(RefundKind.PAID_AFTER_CLOSE);
        assertThat(owed.state()).isEqualTo(OrderRefundState.REFUSED);
        PAY.answerRefunds(order.id(), RefundState.PROCESSING);

        RefundAttention retry = desk.retry(owed.refundId(), "olga", "refused by mistake, try again");

        assertThat(jdbc.sql("SELECT refund_id FROM tb_order_refund_todo WHERE order_id = ?").param(order.id())
                .query(String.class).single()).isEqualTo(retry.refundId());
        assertThat(decisions.needingAttention()).noneMatch(a -> a.orderId().equals(order.id()));
        await().atMost(WAIT).until(() -> stateOf(order.id(), retry.refundId()) == OrderRefundState.SUBMITTED);
        assertThat(jdbc.sql("SELECT state FROM tb_order_refund_todo WHERE order_id = ?").param(order.id())
                .query(String.class).single()).isEqualTo("REFUNDING");
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.CLOSED);
    }

    private DeadLetterView openWithBody(String body) {
        return deadLetters.inState(DeadLetterState.OPEN).stream().filter(d -> d.body().equals(body)).findFirst()
                .orElse(null);
    }

    private DeadLetterView ofOrder(String orderId) {
        List<DeadLetterView> found = deadLetters.ofOrder(orderId);
        return found.isEmpty() ? null : found.get(0);
    }

    private OrderRefundState stateOf(String orderId, String refundId) {
        return orders.find(orderId).refunds().stream().filter(r -> r.id().equals(refundId)).findFirst()
                .map(RefundLine::state).orElse(null);
    }

    private OrderView place(String username) {
        return orders.place(username, new PlaceOrderRequest(List.of(new OrderItemRequest(100002L, 2))));
    }

    private OrderView paid(String username) {
        OrderView order = place(username);
        orders.markPaid(new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE, Instant.now(),
                order.id(), order.id(), "wx-" + order.id(), FEE, Instant.now()));
        return order;
    }

    private int messagesIn(String queue) {
        return rabbit.execute(channel -> channel.queueDeclarePassive(queue).getMessageCount());
    }

    private double count(String name, String... tags) {
        Search search = meters.find(name).tags(tags);
        return search.counter() == null ? 0 : search.counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
