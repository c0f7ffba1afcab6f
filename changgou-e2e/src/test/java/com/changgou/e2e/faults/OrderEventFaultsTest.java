package com.changgou.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Paid and refunded orders reach the user service, whose points follow them exactly once: while it is
 * down, when events come ten times, when one is of a kind it does not handle or is not an event at
 * all, and when the order service dies between its commit and the publish. Points: one per yuan of a
 * goods order (the suite's default rate).
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderEventFaultsTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String EVENTS = "order.events";
    private static final String QUEUE = "user.order-events";
    private static final String DLQ = "user.order-events.dlq";

    @Test
    @Order(1)
    void ordersPaidWhileTheUserServiceIsDownEarnTheirPointsOnceWhenItStarts(Suite suite) {
        FaultReport report = new FaultReport("E1 user service down, 20 orders paid");
        Shopper shopper = Shopper.signUp(suite, "pointsdown");
        List<PendingOrder> orders = new ArrayList<>();
        suite.stop("user");
        try {
            for (int i = 0; i < 20; i++) {
                orders.add(payMug(suite, shopper));
            }
            PendingOrder.awaitAll(suite, orders, "PAID", SETTLE);
            await().atMost(SETTLE).until(() -> suite.rabbit().messages(QUEUE) == orders.size());
        } finally {
            suite.start("user");
        }
        report.orders(orders.size()).fault("user service stopped", 1);

        await().atMost(SETTLE).until(() -> balance(suite, shopper) == 20 * 25L);
        assertThat(earnedEntries(suite, shopper)).isEqualTo(20);
        report.print(Map.of("points " + balance(suite, shopper), 1L));
    }

    @Test
    @Order(2)
    void theSameEventTenTimesAddsPointsOnce(Suite suite) {
        FaultReport report = new FaultReport("E2 one order.paid event x10");
        Shopper shopper = Shopper.signUp(suite, "pointsdup");
        PendingOrder order = payMug(suite, shopper);
        await().atMost(SETTLE).until(() -> balance(suite, shopper) == 25L);

        String event = storedEvent(suite, "paid-" + order.orderId());
        for (int i = 0; i < 10; i++) {
            assertThat(suite.rabbit().publish(EVENTS, "", event)).isTrue();
        }
        report.orders(1).fault("redelivered", 10);

        await().atMost(SETTLE).until(() -> suite.rabbit().messages(QUEUE) == 0);
        assertThat(balance(suite, shopper)).isEqualTo(25L);
        assertThat(earnedEntries(suite, shopper)).isEqualTo(1);
        report.print(Map.of("points " + balance(suite, shopper), 1L));
    }

    @Test
    @Order(3)
    void aRefundAfterPaymentTakesThePointsBackOnce(Suite suite) {
        FaultReport report = new FaultReport("E3 paid, refunded, refund event x3");
        Shopper shopper = Shopper.signUp(suite, "pointsback");
        PendingOrder order = payMug(suite, shopper);
        await().atMost(SETTLE).until(() -> balance(suite, shopper) == 25L);

        shopper.postForm("/api/worder/order/" + order.orderId() + "/cancel", Map.of());
        await().atMost(SETTLE).until(() -> "REFUNDED".equals(OrderSchema.statuses(suite, List.of(order.orderId())).get(order.orderId())));
        await().atMost(SETTLE).until(() -> balance(suite, shopper) == 0L);
        String refunded = storedEventOfOrder(suite, "refunded-", order.orderId());
        for (int i = 0; i < 3; i++) {
            assertThat(suite.rabbit().publish(EVENTS, "", refunded)).isTrue();
        }
        report.orders(1).fault("refund event repeated", 3);

        await().atMost(SETTLE).until(() -> suite.rabbit().messages(QUEUE) == 0);
        assertThat(balance(suite, shopper)).isEqualTo(0L);
        assertThat(suite.userDb().count("SELECT COUNT(*) FROM tb_points_entry WHERE order_id = ? AND kind = 'TAKEN_BACK'",
                order.orderId())).isEqualTo(1);
        report.print(Map.of("points " + balance(suite, shopper), 1L));
    }

    @Test
    @Order(4)
    void eventsOfKindsTheUserServiceDoesNotHandleAreAcknowledgedAndChangeNothing(Suite suite) {
        FaultReport report = new FaultReport("E4 a course order, an unknown type");
        Shopper shopper = Shopper.signUp(suite, "pointscourse");
        PendingOrder course = pay(suite, shopper, Goods.COURSE);
        // Sent means the broker confirmed it into the user's queue; an empty queue then means it was consumed.
        await().atMost(SETTLE).until(() -> suite.orderDb().count("SELECT COUNT(*) FROM mq_message WHERE id = ? AND state = 'SENT'",
                "paid-" + course.orderId()) == 1);
        String unknown = """
                {"eventId":"e2e-shipped-%s","type":"order.shipped","occurredAt":"2026-12-01T00:00:00Z","orderId":"%s",
                "username":"%s","businessType":"GOODS","amountFen":2500,"paidFen":2500}"""
                .formatted(course.orderId(), course.orderId(), shopper.username());
        assertThat(suite.rabbit().publish(EVENTS, "", unknown)).isTrue();
        long deadBefore = suite.rabbit().messages(DLQ);
        report.orders(1).fault("course order", 1).fault("unknown type", 1);

        await().atMost(SETTLE).until(() -> suite.rabbit().messages(QUEUE) == 0);
        assertThat(suite.rabbit().messages(DLQ)).isEqualTo(deadBefore);
        assertThat(balance(suite, shopper)).isZero();
        assertThat(suite.userDb().count("SELECT COUNT(*) FROM tb_points_entry WHERE username = ?", shopper.username())).isZero();
        report.print(Map.of("points 0", 1L));
    }

    @Test
    @Order(5)
    void aMalformedEventEndsInTheDeadLetterQueueAndTheQueueKeepsFlowing(Suite suite) {
        FaultReport report = new FaultReport("E5 malformed event");
        long deadBefore = suite.rabbit().messages(DLQ);

        assertThat(suite.rabbit().publish(EVENTS, "", "{\"eventId\": 42, this is not an event")).isTrue();
        Shopper shopper = Shopper.signUp(suite, "pointsflow");
        payMug(suite, shopper);
        report.orders(1).fault("malformed", 1);

        await().atMost(SETTLE).until(() -> suite.rabbit().messages(DLQ) == deadBefore + 1);
        await().atMost(SETTLE).until(() -> balance(suite, shopper) == 25L);
        report.print(Map.of("dead letters " + suite.rabbit().messages(DLQ), 1L, "points " + balance(suite, shopper), 1L));
    }

    @Test
    @Order(6)
    void anOrderServiceKilledBetweenItsCommitAndThePublishDeliversAfterRestart(Suite suite) {
        FaultReport report = new FaultReport("E6 order SIGKILL before publishing");
        Shopper shopper = Shopper.signUp(suite, "pointskill");
        PendingOrder order;
        // Nobody bound to order.events: the event comes back returned and stays in the order's outbox.
        suite.rabbit().unbind(EVENTS, QUEUE);
        try {
            order = payMug(suite, shopper);
            PendingOrder.awaitAll(suite, List.of(order), "PAID", SETTLE);
            assertThat(suite.orderDb().count("SELECT COUNT(*) FROM mq_message WHERE id = ? AND state = 'NEW'",
                    "paid-" + order.orderId())).isEqualTo(1);
            suite.kill("order");
        } finally {
            suite.rabbit().bind(EVENTS, QUEUE);
        }
        suite.start("order");
        report.orders(1).fault("order SIGKILL", 1);

        await().atMost(SETTLE).until(() -> balance(suite, shopper) == 25L);
        assertThat(earnedEntries(suite, shopper)).isEqualTo(1);
        report.print(Map.of("points " + balance(suite, shopper), 1L));
    }

    private static PendingOrder payMug(Suite suite, Shopper shopper) {
        return pay(suite, shopper, Goods.MUG);
    }

    private static PendingOrder pay(Suite suite, Shopper shopper, Goods goods) {
        String orderId = shopper.placeOrder(goods, 1);
        JsonNode payment = shopper.nativePay(orderId);
        PendingOrder order = new PendingOrder(orderId, payment.path("outTradeNo").asString(),
                payment.path("codeUrl").asString(), payment.path("totalFee").asLong());
        suite.sandbox().pay(order.codeUrl());
        return order;
    }

    private static long balance(Suite suite, Shopper shopper) {
        List<Map<String, Object>> rows = suite.userDb().query("SELECT balance FROM tb_points_account WHERE username = ?",
                shopper.username());
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("balance")).longValue();
    }

    private static long earnedEntries(Suite suite, Shopper shopper) {
        return suite.userDb().count("SELECT COUNT(*) FROM tb_points_entry WHERE username = ? AND kind = 'EARNED'",
                shopper.username());
    }

    /** An event as the order service stored and sent it (its outbox row), to send again as it was. */
    private static String storedEvent(Suite suite, String eventId) {
        List<String> bodies = storedEvents(suite, eventId);
        assertThat(bodies).as("outbox row %s", eventId).hasSize(1);
        return bodies.get(0);
    }

    private static List<String> storedEvents(Suite suite, String eventId) {
        return suite.orderDb().query("SELECT body FROM mq_message WHERE id = ?", eventId).stream()
                .map(row -> String.valueOf(row.get("body"))).toList();
    }

    private static String storedEventOfOrder(Suite suite, String prefix, String orderId) {
        List<Map<String, Object>> rows = suite.orderDb().query("SELECT body FROM mq_message WHERE id LIKE ? AND body LIKE ?",
                prefix + "%", "%" + orderId + "%");
        assertThat(rows).as("%s event of %s", prefix, orderId).hasSize(1);
        return String.valueOf(rows.get(0).get("body"));
    }
}
