package com.changgou.order.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.changgou.order.FixtureJdbc;
import com.changgou.order.TestDatabase;
import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.RefundLine;
import com.changgou.order.management.OrderLogRow;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.OrderMapper;
import com.changgou.order.management.OrderNotFoundException;
import com.changgou.order.management.RefundOutcome;
import com.changgou.order.management.RefundRefusedException;
import com.changgou.order.management.RefundResults;
import com.changgou.order.management.RefundTodoState;
import com.changgou.order.management.Refunds;
import com.changgou.order.messaging.FakePay;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import feign.FeignException;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Refunds against the machine's MariaDB (a schema of its own), with the pay service played by
 * {@link FakePay}: asking (shopper, operator, paid after close), submitting with the same id until the
 * pay service answers, and applying results once. The broker is no part of it (the result queue has
 * {@code OrderMessagingTest}).
 */
@Import(FixtureJdbc.class)
@SpringBootTest(properties = {
        "eureka.client.enabled=false",
        "spring.rabbitmq.addresses=127.0.0.1:1",
        "spring.rabbitmq.listener.simple.auto-startup=false",
        // the order events stay in the outbox: the broker is no part of it
        "changgou.outbox.relay-enabled=false",
        "order.sweep-interval=PT1H",
        // the scheduled pass runs only when a test calls it; the submission after each commit still runs
        "order.refund.submit-interval=PT1H",
        "order.refund.retry-backoff=PT1S",
        "order.refund.max-backoff=PT2S"})
class RefundFlowTest {

    static final TestDatabase DB = new TestDatabase();
    static final FakePay PAY = new FakePay();
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Two Changgou mugs at the seeded 2,500 fen. */
    static final long FEE = 5_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
        TestTokens.register(registry);
        registry.add("changgou.security.service-account.password", () -> "order-service-test-secret-0123456789");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @TestBean
    PayFeign payFeign;

    static PayFeign payFeign() {
        return PAY;
    }

    /** Takes the placed orders' timeouts, which would otherwise leave for the broker. */
    @MockitoBean
    RabbitTemplate rabbit;

    @Autowired
    OrderManagement orders;

    @Autowired
    Refunds refunds;

    @Autowired
    RefundResults results;

    @Autowired
    RefundSubmitter submitter;

    @Autowired
    OrderMapper mapper;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aShopperCancelsAPaidOrderAndTheWholeAmountIsSubmittedAtOnce() {
        OrderView order = paid("alice");

        RefundLine refund = refunds.cancel("alice", order.id());

        assertThat(refund.amountFen()).isEqualTo(FEE);
        assertThat(refund.kind()).isEqualTo(RefundKind.SHOPPER_CANCEL);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDING);
        assertThat(mapper.findLogs(order.id())).filteredOn(l -> l.toStatus() == OrderStatus.REFUNDING)
                .first().satisfies(l -> assertThat(l.fromStatus()).isEqualTo(OrderStatus.PAID));
        assertThat(movesTo(order.id(), OrderStatus.REFUNDING)).isOne();
        await().atMost(WAIT).until(() -> stateOf(order.id(), refund.id()) == OrderRefundState.SUBMITTED);
        assertThat(PAY.refundCallsFor(order.id())).singleElement().isEqualTo(new RefundCommand(refund.id(), order.id(),
                "wx-" + order.id(), FEE, "cancelled by the shopper"));
    }

    @Test
    void aDoubleClickedCancelAnswersTheSameRefundNeverASecond() {
        OrderView order = paid("alice");

        List<RefundLine> answers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> refunds.cancel("alice", order.id())))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(RefundLine::id).containsOnly(answers.get(0).id());
        assertThat(orders.get("alice", order.id()).refunds()).hasSize(1);
        assertThat(movesTo(order.id(), OrderStatus.REFUNDING)).isOne();
    }

    @Test
    void anotherShoppersOrderIsNotFoundAndAnUnpaidOneIsRefused() {
        OrderView paid = paid("alice");
        OrderView unpaid = place("alice");

        assertThatThrownBy(() -> refunds.cancel("mallory", paid.id())).isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> refunds.cancel("alice", unpaid.id())).isInstanceOf(RefundRefusedException.class)
                .hasMessageContaining("only a paid order can be refunded");
        assertThat(orders.statusOf(paid.id())).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void outsideTheRefundWindowACancelIsRefusedWithTheReason() {
        OrderView order = place("alice");
        orders.markPaid(payment(order, Instant.now().minus(Duration.ofDays(8))));

        assertThatThrownBy(() -> refunds.cancel("alice", order.id())).isInstanceOf(RefundRefusedException.class)
                .hasMessage("order %s was paid more than 7 days ago: it can no longer be cancelled for a refund",
                        order.id());
        assertThat(orders.get("alice", order.id()).refunds()).isEmpty();
    }

    @Test
    void anOperatorRefundsPartThenTheRestAndNeverMoreThanIsLeft() {
        OrderView order = paid("bob");

        RefundLine first = refunds.refundByOperator("olga", order.id(), 2_000, "scratched mug");
        assertThatThrownBy(() -> refunds.refundByOperator("olga", order.id(), 100, "again"))
                .isInstanceOf(RefundRefusedException.class).hasMessageContaining("already on its way");
        assertThat(results.apply(first.id(), OrderRefundState.SUCCESS, null)).isEqualTo(RefundOutcome.APPLIED);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);

        assertThatThrownBy(() -> refunds.refundByOperator("olga", order.id(), 3_001, "too much"))
                .isInstanceOf(RefundRefusedException.class).hasMessage("more than is left to refund: 3000 fen");
        assertThatThrownBy(() -> refunds.refundByOperator("olga", order.id(), 0, "nothing"))
                .isInstanceOf(RefundRefusedException.class);
        RefundLine rest = refunds.refundByOperator("olga", order.id(), 3_000, "the other mug");
        results.apply(rest.id(), OrderRefundState.SUCCESS, null);

        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDED);
        assertThat(mapper.findLogs(order.id())).extracting(OrderLogRow::toStatus).containsSubsequence(
                OrderStatus.REFUNDING, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDING, OrderStatus.REFUNDED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tb_order_log WHERE order_id = ? AND operator = 'operator:olga'")
                .param(order.id()).query(Integer.class).single()).isEqualTo(2);
        // each refund that gave money back is announced with its own amount and what the order paid
        assertThat(eventsOf(order.id())).containsExactly("paid-" + order.id(), "refunded-" + first.id(),
                "refunded-" + rest.id());
        String event = eventBody("refunded-" + first.id());
        assertThat(JsonPath.<String>read(event, "$.type")).isEqualTo("order.refunded");
        assertThat(JsonPath.<String>read(event, "$.username")).isEqualTo("bob");
        assertThat(JsonPath.<String>read(event, "$.businessType")).isEqualTo("GOODS");
        assertThat(JsonPath.<Integer>read(event, "$.amountFen")).isEqualTo(2_000);
        assertThat(JsonPath.<Integer>read(event, "$.paidFen")).isEqualTo(5_000);
        assertThat(JsonPath.<Integer>read(eventBody("refunded-" + rest.id()), "$.amountFen")).isEqualTo(3_000);
    }

    @Test
    void aResultAppliesOnceAndALateOneChangesNothing() {
        OrderView order = paid("carol");
        RefundLine refund = refunds.cancel("carol", order.id());

        assertThat(results.apply(refund.id(), OrderRefundState.SUCCESS, null)).isEqualTo(RefundOutcome.APPLIED);
        int logRows = mapper.findLogs(order.id()).size();
        assertThat(results.apply(refund.id(), OrderRefundState.SUCCESS, null)).isEqualTo(RefundOutcome.DUPLICATE);
        assertThat(results.apply(refund.id(), OrderRefundState.SUBMITTED, null)).isEqualTo(RefundOutcome.STALE);
        assertThat(results.apply("no-such-refund", OrderRefundState.SUCCESS, null)).isEqualTo(RefundOutcome.UNKNOWN);

        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDED);
        assertThat(mapper.findLogs(order.id())).hasSize(logRows);
        assertThat(eventsOf(order.id())).containsExactly("paid-" + order.id(), "refunded-" + refund.id());
    }

    @Test
    void whenEveryRefundIsRefusedOrClosedTheOrderIsPaidAgainAndCanBeCancelledAgain() {
        OrderView order = paid("dave");
        RefundLine refused = refunds.cancel("dave", order.id());
        results.apply(refused.id(), OrderRefundState.REFUSED, "WeChat says no");
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.PAID);

        RefundLine closed = refunds.cancel("dave", order.id());
        assertThat(closed.id()).isNotEqualTo(refused.id());
        results.apply(closed.id(), OrderRefundState.CHANGE, null);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.REFUNDING);
        results.apply(closed.id(), OrderRefundState.CLOSED, "closed at WeChat");

        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.PAID);
        assertThat(orders.get("dave", order.id()).refunds()).extracting(RefundLine::state, RefundLine::refusal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OrderRefundState.REFUSED, "WeChat says no"),
                        org.assertj.core.groups.Tuple.tuple(OrderRefundState.CLOSED, "closed at WeChat"));
        assertThat(eventsOf(order.id())).containsExactly("paid-" + order.id());
    }

    @Test
    void moneyPaidAfterTheCloseIsRefundedByItselfAndTheTodoFollows() {
        OrderView order = place("erin");
        orders.close(order.id(), "test closes it");
        PayResultMessage late = payment(order, Instant.now());

        orders.markPaid(late);
        orders.markPaid(late);

        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.CLOSED);
        RefundLine refund = orders.get("erin", order.id()).refunds().get(0);
        assertThat(orders.get("erin", order.id()).refunds()).hasSize(1);
        assertThat(refund.kind()).isEqualTo(RefundKind.PAID_AFTER_CLOSE);
        assertThat(refund.amountFen()).isEqualTo(FEE);
        assertThat(mapper.findRefundTodos(order.id())).singleElement()
                .satisfies(todo -> assertThat(todo.refundId()).isEqualTo(refund.id()));
        await().atMost(WAIT).until(() -> todoState(order.id()) == RefundTodoState.REFUNDING);
        assertThat(PAY.refundCallsFor(order.id())).singleElement()
                .satisfies(c -> assertThat(c.transactionId()).isEqualTo(late.transactionId()));

        results.apply(refund.id(), OrderRefundState.SUCCESS, null);

        assertThat(todoState(order.id())).isEqualTo(RefundTodoState.REFUNDED);
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.CLOSED);
        // never paid as far as any other service heard, so nothing of it is theirs to take back
        assertThat(eventsOf(order.id())).isEmpty();
    }

    @Test
    void aFailedSubmissionIsRetriedWithTheSameIdUntilThePayServiceAnswers() {
        OrderView order = paid("frank");
        PAY.failRefunds(order.id(), FakePay.unreachable(PayFeign.PATH + "/refunds"));
        RefundLine refund = refunds.cancel("frank", order.id());
        await().atMost(WAIT).until(() -> !PAY.refundCallsFor(order.id()).isEmpty());

        await().atMost(WAIT).untilAsserted(() -> {
            submitter.submitDue();
            assertThat(PAY.refundCallsFor(order.id())).hasSizeGreaterThanOrEqualTo(2);
        });
        PAY.acceptRefunds(order.id());
        await().atMost(WAIT).untilAsserted(() -> {
            submitter.submitDue();
            assertThat(stateOf(order.id(), refund.id())).isEqualTo(OrderRefundState.SUBMITTED);
        });

        assertThat(PAY.refundCallsFor(order.id())).extracting(RefundCommand::outRefundNo).containsOnly(refund.id());
        assertThat(jdbc.sql("SELECT attempts FROM tb_order_refund WHERE id = ?").param(refund.id()).query(Integer.class)
                .single()).isEqualTo(PAY.refundCallsFor(order.id()).size());
    }

    @Test
    void aRefundThePayServiceRefusesWith409IsRefusedWithItsReasonAndTheOrderIsPaidAgain() {
        OrderView order = paid("gina");
        PAY.failRefunds(order.id(), conflict("more than is left to refund: 0 fen"));

        RefundLine refund = refunds.cancel("gina", order.id());

        await().atMost(WAIT).until(() -> stateOf(order.id(), refund.id()) == OrderRefundState.REFUSED);
        assertThat(orders.get("gina", order.id()).refunds()).singleElement()
                .satisfies(r -> assertThat(r.refusal()).isEqualTo("more than is left to refund: 0 fen"));
        assertThat(orders.statusOf(order.id())).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void severalSubmittersAtOnceSubmitEachRefundOnce() {
        List<OrderView> paidOrders = IntStream.range(0, 5).mapToObj(i -> paid("hank")).toList();
        paidOrders.forEach(o -> PAY.failRefunds(o.id(), FakePay.unreachable(PayFeign.PATH + "/refunds")));
        List<String> ids = paidOrders.stream().map(o -> refunds.cancel("hank", o.id()).id()).toList();
        await().atMost(WAIT).until(() -> paidOrders.stream().allMatch(o -> !PAY.refundCallsFor(o.id()).isEmpty()));
        Map<String, Integer> before = callCounts(paidOrders);
        paidOrders.forEach(o -> PAY.acceptRefunds(o.id()));
        // every one due now, whatever back-off the failures left
        ids.forEach(id -> jdbc.sql("UPDATE tb_order_refund SET next_try_at = ? WHERE id = ?")
                .params(Instant.now().minus(Duration.ofMinutes(1)), id).update());

        List<CompletableFuture<Void>> passes = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(submitter::submitDue)).toList();
        passes.forEach(CompletableFuture::join);

        Map<String, Integer> after = callCounts(paidOrders);
        for (OrderView o : paidOrders) {
            assertThat(after.get(o.id()) - before.get(o.id())).as("submissions of order %s's refund", o.id()).isOne();
        }
        assertThat(paidOrders).allSatisfy(o -> assertThat(orders.get("hank", o.id()).refunds()).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(OrderRefundState.SUBMITTED)));
    }

    /** The ids of the order's events in its outbox, oldest first (the relay is off: they stay there). */
    private List<String> eventsOf(String orderId) {
        return jdbc.sql("SELECT id FROM mq_message WHERE JSON_VALUE(body, '$.orderId') = ? ORDER BY created_at, id")
                .param(orderId).query(String.class).list();
    }

    private String eventBody(String eventId) {
        return jdbc.sql("SELECT body FROM mq_message WHERE id = ?").param(eventId).query(String.class).single();
    }

    /** Log rows of the order's moves to {@code status} (not the notes of its refunds' moves). */
    private long movesTo(String orderId, OrderStatus status) {
        return mapper.findLogs(orderId).stream().filter(l -> l.toStatus() == status && l.fromStatus() != status).count();
    }

    private Map<String, Integer> callCounts(List<OrderView> orderViews) {
        return orderViews.stream().collect(java.util.stream.Collectors.toMap(OrderView::id,
                o -> PAY.refundCallsFor(o.id()).size()));
    }

    private OrderRefundState stateOf(String orderId, String refundId) {
        String owner = jdbc.sql("SELECT username FROM tb_order WHERE id = ?").param(orderId).query(String.class).single();
        return orders.get(owner, orderId).refunds().stream().filter(r -> r.id().equals(refundId)).findFirst()
                .orElseThrow().state();
    }

    private RefundTodoState todoState(String orderId) {
        return mapper.findRefundTodos(orderId).get(0).state();
    }

    private OrderView place(String username) {
        return orders.place(username, new PlaceOrderRequest(List.of(new OrderItemRequest(100002L, 2))));
    }

    private OrderView paid(String username) {
        OrderView order = place(username);
        orders.markPaid(payment(order, Instant.now()));
        return order;
    }

    private static PayResultMessage payment(OrderView order, Instant paidAt) {
        return new PayResultMessage(UUID.randomUUID().toString(), PayResultMessage.TYPE, Instant.now(), order.id(),
                order.id(), "wx-" + order.id(), FEE, paidAt);
    }

    private static FeignException conflict(String message) {
        Request request = Request.create(Request.HttpMethod.POST, "http://changgou-service-pay" + PayFeign.PATH
                + "/refunds", Map.of(), null, StandardCharsets.UTF_8, null);
        Response response = Response.builder().status(409).reason("Conflict").request(request).headers(Map.of())
                .body("{\"flag\":false,\"code\":20001,\"message\":\"%s\",\"data\":null}".formatted(message),
                        StandardCharsets.UTF_8)
                .build();
        return FeignException.errorStatus("PayFeign#refund", response);
    }
}
