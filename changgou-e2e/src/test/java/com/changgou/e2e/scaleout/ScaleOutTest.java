package com.changgou.e2e.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.faults.FaultReport;
import com.changgou.e2e.faults.PendingOrder;
import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Two of everything (gateway behind HAProxy, web-order, order, pay, user) on a three-node RabbitMQ
 * cluster with quorum queues, and one of each dies during a burst: every order placed is paid
 * exactly once, nothing is published, closed or refunded twice, a shopper stays signed in. Each case
 * prints one line (orders, faults, final states, seconds) and leaves two of everything running.
 */
@ExtendWith(SuiteExtension.ScaledOut.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {

    private static final int BURST = 1000;
    private static final Duration SETTLE = Duration.ofMinutes(3);

    @AfterEach
    void nothingWasDeadLettered(Suite suite) {
        assertThat(suite.rabbit().messages("order.pay.result.dlq")).as("dead pay results").isZero();
        assertThat(suite.rabbit().messages("order.refund.result.dlq")).as("dead refund results").isZero();
    }

    @Test
    @Order(1)
    void aPayInstanceKilledInABurstLosesNoPayment(Suite suite) throws Exception {
        FaultReport report = new FaultReport("S1 pay-2 SIGKILL in a burst of 1,000");
        Burst burst = new Burst(suite, Shopper.signUp(suite, "so-pay")).at(BURST / 3, () -> suite.kill("pay-2"));
        try {
            List<PendingOrder> orders = burst.run(BURST);
            report.orders(orders.size()).fault("pay-2 SIGKILL", 1).fault("requests retried", burst.retried());

            paidOnceEach(suite, orders);
            report.fault("notifications WeChat repeated", notificationsRepeated(suite, orders));
            paidBy(suite, orders).forEach((how, count) -> report.fault("paid by " + how, count.intValue()));
            report.print(PendingOrder.finalStates(suite, orders));
        } finally {
            suite.start("pay-2");
        }
    }

    @Test
    @Order(2)
    void anOrderInstanceThenAGatewayKilledInABurstLoseNothing(Suite suite) throws Exception {
        FaultReport report = new FaultReport("S2 order-2, then gateway-2 SIGKILL");
        Burst burst = new Burst(suite, Shopper.signUp(suite, "so-order"))
                .at(BURST / 4, () -> suite.kill("order-2"))
                .at(BURST * 3 / 5, () -> suite.kill("gateway-2"));
        try {
            List<PendingOrder> orders = burst.run(BURST);
            report.orders(orders.size()).fault("order-2 SIGKILL", 1).fault("gateway-2 SIGKILL", 1)
                    .fault("requests retried", burst.retried());

            paidOnceEach(suite, orders);
            report.fault("notifications WeChat repeated", notificationsRepeated(suite, orders));
            report.print(PendingOrder.finalStates(suite, orders));
        } finally {
            suite.start("order-2");
            suite.start("gateway-2");
        }
    }

    @Test
    @Order(3)
    void aBrokerNodeStoppedInABurstLosesAndDoublesNothing(Suite suite) throws Exception {
        FaultReport report = new FaultReport("S3 a RabbitMQ node stopped, started");
        int count = 400;
        Shopper shopper = Shopper.signUp(suite, "so-broker");
        // The node that leads order.pay.result: stopping it makes the queue elect a new leader.
        int leader = nodeOf(suite.rabbit().queue("order.pay.result").path("leader").asString());
        long[] paidWhileDown = new long[2];
        Burst burst = new Burst(suite, shopper)
                .at(count / 4, () -> {
                    suite.stopBrokerNode(leader);
                    paidWhileDown[0] = paidOrders(suite, shopper);
                })
                .at(count * 2 / 3, () -> {
                    paidWhileDown[1] = paidOrders(suite, shopper);
                    suite.startBrokerNode(leader);
                });
        try {
            List<PendingOrder> orders = burst.run(count);
            report.orders(orders.size()).fault("rabbit-" + leader + " (leader) stopped", 1)
                    .fault("requests retried", burst.retried());

            assertThat(paidWhileDown[1]).as("orders paid while a node was down: the quorum queue stayed available")
                    .isGreaterThan(paidWhileDown[0]);
            paidOnceEach(suite, orders);
            assertThat(suite.rabbit().queue("order.pay.result").path("type").asString()).isEqualTo("quorum");
            // the restarted node's replica catches up a few seconds after the node is back
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode queue = suite.rabbit().queue("order.pay.result");
                assertThat(queue.path("online").size()).as("members online again").isEqualTo(3);
                // each order instance consumes over one connection of its own (their listeners scale from 2 to 4)
                Set<String> consuming = new HashSet<>();
                queue.path("consumer_details").forEach(c -> consuming.add(c.path("channel_details").path("connection_name").asString()));
                assertThat(consuming).as("connections consuming: both order instances consume again").hasSize(2);
            });
            report.fault("paid while down", (int) (paidWhileDown[1] - paidWhileDown[0]));
            report.print(PendingOrder.finalStates(suite, orders));
        } finally {
            // a no-op when the burst started it again; the node otherwise (the burst failed part-way)
            suite.startBrokerNode(leader);
        }
    }

    @Test
    @Order(4)
    void timeoutsAndRefundsDuringABurstHappenOnceWithTwoOfEveryScheduler(Suite suite) throws Exception {
        FaultReport report = new FaultReport("S4 timeouts + refunds, two schedulers");
        Shopper shopper = Shopper.signUp(suite, "so-twice");
        List<PendingOrder> abandoned = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            abandoned.add(PendingOrder.place(shopper, 1 + i % 99));
        }
        List<PendingOrder> refunded = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            PendingOrder order = PendingOrder.place(shopper, 1 + i);
            suite.sandbox().pay(order.codeUrl());
            refunded.add(order);
        }
        PendingOrder.awaitAll(suite, refunded, "PAID", SETTLE);

        // The refunds are asked for, and the abandoned orders time out, while a burst is paid.
        Burst burst = new Burst(suite, Shopper.signUp(suite, "so-burst"));
        CompletableFuture<List<PendingOrder>> paying = CompletableFuture.supplyAsync(() -> {
            try {
                return burst.run(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (PendingOrder order : refunded) {
            HttpResponse<String> cancelled = shopper.postForm("/api/worder/order/" + order.orderId() + "/cancel", Map.of());
            assertThat(cancelled.statusCode() / 100).as(cancelled.body()).isEqualTo(3);
        }
        List<PendingOrder> paid = paying.get();
        report.orders(abandoned.size() + refunded.size() + paid.size())
                .fault("left unpaid", abandoned.size()).fault("cancelled", refunded.size());

        PendingOrder.awaitAll(suite, abandoned, "CLOSED", SETTLE);
        PendingOrder.awaitAll(suite, refunded, "REFUNDED", SETTLE);
        paidOnceEach(suite, paid);
        for (PendingOrder order : abandoned) {
            JsonNode atWechat = suite.sandbox().order(order.outTradeNo());
            assertThat(atWechat.path("closeRequests").asInt()).as("closeorders of %s", order.outTradeNo()).isLessThanOrEqualTo(1);
            assertThat(atWechat.path("state").asString()).isEqualTo("CLOSED");
        }
        for (PendingOrder order : refunded) {
            List<Map<String, Object>> refunds = suite.payDb().query(
                    "SELECT out_refund_no FROM refund_record WHERE out_trade_no = ?", order.outTradeNo());
            assertThat(refunds).as("refunds of %s", order.outTradeNo()).hasSize(1);
            String outRefundNo = (String) refunds.get(0).get("out_refund_no");
            assertThat(suite.sandbox().refundCalls(outRefundNo).path("refundRequests").asInt())
                    .as("refund requests for %s", outRefundNo).isEqualTo(1);
        }
        Map<String, Long> states = new TreeMap<>(PendingOrder.finalStates(suite, abandoned));
        PendingOrder.finalStates(suite, refunded).forEach((state, n) -> states.merge(state, n, Long::sum));
        PendingOrder.finalStates(suite, paid).forEach((state, n) -> states.merge(state, n, Long::sum));
        report.print(states);
    }

    @Test
    @Order(5)
    void aShoppersSessionOutlivesTheGatewayThatIssuedIt(Suite suite) {
        FaultReport report = new FaultReport("S5 the session's gateway SIGKILLed");
        Shopper atFirstGateway = Shopper.signUpVia(suite, suite.gatewayInstance(1), "so-session");
        String before = atFirstGateway.placeOrder(Goods.STICKER, 1);
        suite.kill("gateway");
        try {
            Shopper throughTheShop = atFirstGateway.via(suite.gateway());
            HttpResponse<String> shop = throughTheShop.page("/api/worder/shop");
            assertThat(shop.statusCode()).isEqualTo(200);
            assertThat(shop.body()).contains("name=\"sku\"");
            String after = throughTheShop.placeOrder(Goods.STICKER, 2);
            assertThat(OrderSchema.statuses(suite, List.of(before, after))).hasSize(2);
            report.orders(2).fault("gateway (issuer) SIGKILL", 1);
            report.print(OrderSchema.countByStatus(suite, List.of(before, after)));
        } finally {
            suite.start("gateway");
        }
    }

    /** Every order PAID, with one UNPAID→PAID log row each and one pay result published each. */
    private static void paidOnceEach(Suite suite, List<PendingOrder> orders) {
        PendingOrder.awaitAll(suite, orders, "PAID", SETTLE);
        String ids = inList(PendingOrder.ids(orders));
        assertThat(suite.orderDb().count("SELECT COUNT(*) FROM tb_order_log WHERE to_status = '1' AND order_id IN (" + ids + ")"))
                .as("one PAID transition per order").isEqualTo(orders.size());
        assertThat(suite.payDb().query("SELECT JSON_VALUE(body, '$.orderId') AS order_id, COUNT(*) AS results FROM mq_message "
                + "WHERE routing_key = 'order.pay.result' AND JSON_VALUE(body, '$.orderId') IN (" + ids + ") "
                + "GROUP BY JSON_VALUE(body, '$.orderId') HAVING COUNT(*) <> 1")).as("pay results published other than once").isEmpty();
    }

    /** How the payments were learnt of: WeChat's notification, reconciliation, the page's status query. */
    private static Map<String, Long> paidBy(Suite suite, List<PendingOrder> orders) {
        String trades = inList(orders.stream().map(PendingOrder::outTradeNo).toList());
        return suite.payDb().query("SELECT actor, COUNT(*) AS n FROM pay_log WHERE to_status = 'SUCCESS' AND out_trade_no IN ("
                        + trades + ") GROUP BY actor").stream()
                .collect(Collectors.toMap(row -> String.valueOf(row.get("actor")), row -> ((Number) row.get("n")).longValue(),
                        Long::sum, TreeMap::new));
    }

    /** Orders whose notification WeChat had to send again: an attempt met a dead instance or was not acknowledged. */
    private static int notificationsRepeated(Suite suite, List<PendingOrder> orders) {
        int repeated = 0;
        for (PendingOrder order : orders) {
            for (JsonNode attempt : suite.sandbox().order(order.outTradeNo()).path("notifications")) {
                if (!attempt.path("acknowledged").asBoolean()) {
                    repeated++;
                    break;
                }
            }
        }
        return repeated;
    }

    private static long paidOrders(Suite suite, Shopper shopper) {
        return suite.orderDb().count("SELECT COUNT(*) FROM tb_order WHERE username = ? AND order_status = '1'", shopper.username());
    }

    /** 1, 2 or 3 from a node name such as changgou-e2e-scaleout-2@localhost. */
    private static int nodeOf(String node) {
        assertThat(node).as("leader node").matches(".*-[123]@.*");
        return Integer.parseInt(node.substring(node.indexOf('@') - 1, node.indexOf('@')));
    }

    private static String inList(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "") + "'").collect(Collectors.joining(","));
    }
}
