package com.changgou.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Notifications;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WeChat loses, repeats and delays notifications; attackers forge them; shoppers walk away; the
 * broker and the services restart. Each case places real orders and asserts their final states:
 * nothing lost, nothing paid twice, nothing unsigned believed.
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @AfterEach
    void leaveTheSuiteClean(Suite suite) {
        suite.sandbox().clearFaults();
        assertThat(suite.rabbit().messages("order.pay.result.dlq")).as("dead letters").isZero();
    }

    @Test
    @Order(1)
    void aDroppedNotificationIsFoundByReconciliation(Suite suite) {
        FaultReport report = new FaultReport("1 notification dropped");
        List<PendingOrder> orders = place(suite, "drop", 3);
        for (PendingOrder order : orders) {
            suite.sandbox().fault(order.outTradeNo(), "DROP", 1, 0);
            suite.sandbox().pay(order.codeUrl());
        }
        report.orders(orders.size()).fault("DROP", orders.size());

        PendingOrder.awaitAll(suite, orders, "PAID", SETTLE);
        for (PendingOrder order : orders) {
            assertThat(suite.sandbox().order(order.outTradeNo()).path("notifications").size()).isZero();
            assertThat(OrderSchema.paidLogRows(suite, order.orderId())).isEqualTo(1);
        }
        report.print(PendingOrder.finalStates(suite, orders));
    }

    @Test
    @Order(2)
    void tenDeliveriesSomeConcurrentPayOnce(Suite suite) {
        FaultReport report = new FaultReport("2 notification x10, concurrent");
        PendingOrder order = place(suite, "tenfold", 1).get(0);
        suite.sandbox().fault(order.outTradeNo(), "DUPLICATE", 10, 0);

        suite.sandbox().pay(order.codeUrl());
        report.orders(1).fault("DUPLICATE", 10);

        PendingOrder.awaitAll(suite, List.of(order), "PAID", SETTLE);
        await().atMost(SETTLE).until(() -> suite.sandbox().order(order.outTradeNo()).path("notifications").size() >= 10);
        assertThat(OrderSchema.paidLogRows(suite, order.orderId())).isEqualTo(1);
        assertThat(suite.payDb().count("SELECT COUNT(*) FROM mq_message WHERE routing_key = 'order.pay.result' AND body LIKE ?",
                "%" + order.orderId() + "%")).isEqualTo(1);
        report.print(PendingOrder.finalStates(suite, List.of(order)));
    }

    @Test
    @Order(3)
    void hostileBodiesGetFailAndChangeNothing(Suite suite) {
        FaultReport report = new FaultReport("3 forged, tampered, hostile bodies");
        PendingOrder order = place(suite, "hostile", 1).get(0);
        Map<String, String> forged = Notifications.paid(order.outTradeNo(), order.totalFee());
        forged.put("sign", "F".repeat(64));
        Map<String, String> amount = Notifications.paid(order.outTradeNo(), order.totalFee() + 1);
        Map<String, String> appId = resigned(Notifications.paid(order.outTradeNo(), order.totalFee()), "appid", "wx0000000000000000");
        Map<String, String> mchId = resigned(Notifications.paid(order.outTradeNo(), order.totalFee()), "mch_id", "1900000999");
        String genuine = Notifications.xml(Notifications.paid(order.outTradeNo(), order.totalFee()));
        List<String> bodies = List.of(
                Notifications.xml(forged),
                Notifications.xml(amount),
                Notifications.xml(appId),
                Notifications.xml(mchId),
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<xml><return_code>&xxe;</return_code><out_trade_no>" + order.outTradeNo() + "</out_trade_no></xml>",
                billionLaughs(),
                "<xml>" + "a".repeat(10 * 1024 * 1024) + "</xml>",
                genuine.substring(0, genuine.length() / 2),
                "");
        for (String body : bodies) {
            HttpResponse<String> reply = Notifications.post(suite, body);
            assertThat(Notifications.succeeded(reply)).as("reply to %.60s", body).isFalse();
            report.fault("hostile", 1);
        }
        report.orders(1);
        assertThat(OrderSchema.statuses(suite, List.of(order.orderId()))).containsValue("UNPAID");
        assertThat(suite.payDb().count("SELECT COUNT(*) FROM mq_message WHERE body LIKE ?", "%" + order.orderId() + "%")).isZero();

        // The service kept serving: the genuine payment still goes through.
        suite.sandbox().pay(order.codeUrl());
        PendingOrder.awaitAll(suite, List.of(order), "PAID", SETTLE);
        report.print(PendingOrder.finalStates(suite, List.of(order)));
    }

    @Test
    @Order(4)
    void notificationsWhileTheBrokerIsDownAreAllPaidWhenItIsBack(Suite suite) {
        FaultReport report = new FaultReport("4 RabbitMQ stopped during notifies");
        List<PendingOrder> orders = place(suite, "broker", 10);
        suite.rabbit().stopBroker();
        try {
            payAndAwaitStored(suite, orders);
        } finally {
            suite.rabbit().startBroker();
        }
        report.orders(orders.size()).fault("broker stopped", 1);

        PendingOrder.awaitAll(suite, orders, "PAID", SETTLE);
        report.print(PendingOrder.finalStates(suite, orders));
    }

    @Test
    @Order(5)
    void resultsPublishedWhileOrderIsDownAreAppliedWhenItStarts(Suite suite) {
        FaultReport report = new FaultReport("5a order service down");
        List<PendingOrder> orders = place(suite, "orderdown", 5);
        suite.stop("order");
        try {
            payAndAwaitStored(suite, orders);
        } finally {
            suite.start("order");
        }
        report.orders(orders.size()).fault("order stopped", 1);
        PendingOrder.awaitAll(suite, orders, "PAID", SETTLE);
        report.print(PendingOrder.finalStates(suite, orders));
    }

    @Test
    @Order(6)
    void aPayServiceKilledBetweenStoringAndPublishingPublishesAfterRestart(Suite suite) {
        FaultReport report = new FaultReport("5b pay killed before publishing");
        List<PendingOrder> orders = place(suite, "paykill", 3);
        // With the broker down the relay cannot publish: the results exist only in the outbox.
        suite.rabbit().stopBroker();
        try {
            payAndAwaitStored(suite, orders);
            suite.kill("pay");
        } finally {
            suite.rabbit().startBroker();
        }
        suite.start("pay");
        report.orders(orders.size()).fault("pay SIGKILL", 1);

        PendingOrder.awaitAll(suite, orders, "PAID", SETTLE);
        report.print(PendingOrder.finalStates(suite, orders));
    }

    @Test
    @Order(7)
    void unpaidOrdersCloseAtTheTimeoutAndARaceWithPaymentLosesNothing(Suite suite) {
        FaultReport report = new FaultReport("6 nobody pays / pay at the timeout");
        List<PendingOrder> orders = place(suite, "timeout", 2);
        PendingOrder abandoned = orders.get(0);
        PendingOrder racing = orders.get(1);
        report.orders(2).fault("timeout", 2);

        // Pay the second one as the timeout fires: whichever wins, the money is never lost.
        await().atMost(SETTLE.plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> OrderSchema.statuses(suite, List.of(abandoned.orderId())).containsValue("CLOSED"));
        boolean paid = tryPay(suite, racing);

        assertThat(suite.sandbox().order(abandoned.outTradeNo()).path("state").asString()).isEqualTo("CLOSED");
        await().atMost(SETTLE).until(() -> !OrderSchema.statuses(suite, List.of(racing.orderId())).containsValue("UNPAID"));
        String racingStatus = OrderSchema.statuses(suite, List.of(racing.orderId())).get(racing.orderId());
        String atWechat = suite.sandbox().order(racing.outTradeNo()).path("state").asString();
        if ("SUCCESS".equals(atWechat)) {
            assertThat(racingStatus.equals("PAID") || OrderSchema.refundsToMake(suite, racing.orderId()) == 1)
                    .as("money taken for %s is either an order paid or a refund to make", racing.orderId()).isTrue();
        } else {
            assertThat(paid).isFalse();
            assertThat(racingStatus).isEqualTo("CLOSED");
        }
        report.print(PendingOrder.finalStates(suite, orders));
    }

    @Test
    @Order(8)
    void aBurstOfAThousandOrdersWithFaultsEndsCorrect(Suite suite) throws Exception {
        FaultReport report = new FaultReport("7 burst of 1,000 with faults");
        int count = 1000;
        Shopper shopper = Shopper.signUp(suite, "burst");
        // Each order is paid as soon as it is placed, eight at a time: however slow the machine, no order
        // waits long enough for its timeout to close it before it is paid.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<PendingOrder> orders = new ArrayList<>();
        try {
            List<Future<PendingOrder>> paying = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int quantity = 1 + i % 99;
                String fault = i % 10 == 0 ? "DROP" : i % 7 == 0 ? "DUPLICATE" : i % 13 == 0 ? "DELAY" : null;
                if (fault != null) {
                    report.fault(fault, 1);
                }
                paying.add(pool.submit(() -> {
                    PendingOrder order = PendingOrder.place(shopper, quantity);
                    if (fault != null) {
                        suite.sandbox().fault(order.outTradeNo(), fault, 3, 500);
                    }
                    suite.sandbox().pay(order.codeUrl());
                    return order;
                }));
            }
            for (Future<PendingOrder> future : paying) {
                orders.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        report.orders(count);

        PendingOrder.awaitAll(suite, orders, "PAID", Duration.ofSeconds(120));
        long paidLogRows = suite.orderDb().count("SELECT COUNT(*) FROM tb_order_log WHERE to_status = '1' AND order_id IN ("
                + String.join(",", PendingOrder.ids(orders).stream().map(id -> "'" + id + "'").toList()) + ")");
        assertThat(paidLogRows).as("one PAID transition per order").isEqualTo(count);
        report.print(PendingOrder.finalStates(suite, orders));
    }

    private static List<PendingOrder> place(Suite suite, String who, int count) {
        Shopper shopper = Shopper.signUp(suite, who);
        List<PendingOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(PendingOrder.place(shopper, 1 + i % 99));
        }
        return orders;
    }

    /** Pays every order at the sandbox and waits until pay has replied SUCCESS to each: the results are stored. */
    private static void payAndAwaitStored(Suite suite, List<PendingOrder> orders) {
        orders.forEach(order -> suite.sandbox().pay(order.codeUrl()));
        await().atMost(SETTLE).until(() -> orders.stream().allMatch(o -> suite.sandbox().acknowledged(o.outTradeNo())));
    }

    private static boolean tryPay(Suite suite, PendingOrder order) {
        try {
            suite.sandbox().pay(order.codeUrl());
            return true;
        } catch (IllegalStateException refused) {
            return false;
        }
    }

    private static Map<String, String> resigned(Map<String, String> fields, String key, String value) {
        fields.put(key, value);
        fields.put("sign", Notifications.sign(fields));
        return fields;
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]><xml><return_code>&lol9;</return_code></xml>").toString();
    }
}
