package com.changgou.e2e.payflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Notifications;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.PayNotifySubscriber;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Order → QR → notification → order paid, exactly once, through the real suite: gateway, order,
 * pay, sandbox, RabbitMQ and MariaDB, all started by ./changgou up.
 */
@ExtendWith(SuiteExtension.class)
class PayFlowTest {

    private static final Duration PAID_WITHIN = Duration.ofSeconds(30);

    @AfterEach
    void clearFaults(Suite suite) {
        suite.sandbox().clearFaults();
    }

    @Test
    void aPaidOrderBecomesPaidOnceAndItsTokenIsBroadcast(Suite suite) throws Exception {
        Shopper shopper = Shopper.signUp(suite, "flow");
        String orderId = shopper.placeOrder(Goods.T_SHIRT, 2);
        JsonNode payment = shopper.nativePay(orderId);
        assertThat(payment.path("codeUrl").asString()).startsWith("weixin://wxpay/bizpayurl?pr=");
        assertThat(payment.path("totalFee").asLong()).isEqualTo(2 * Goods.T_SHIRT.priceFen());

        try (PayNotifySubscriber browser = PayNotifySubscriber.subscribe(suite)) {
            JsonNode paid = suite.sandbox().pay(payment.path("codeUrl").asString());

            JsonNode order = awaitStatus(shopper, orderId, "PAID");
            assertThat(order.path("transactionId").asString()).isEqualTo(paid.path("transactionId").asString());
            assertThat(order.path("payTime").isNull()).isFalse();
            assertThat(OrderSchema.paidLogRows(suite, orderId)).isEqualTo(1);

            String token = payment.path("token").asString();
            await().atMost(PAID_WITHIN).until(() -> !browser.withToken(token).isEmpty());
            JsonNode broadcast = browser.withToken(token).get(0);
            assertThat(broadcast.path("state").asString()).isEqualTo("SUCCESS");
            assertThat(broadcast.toString()).doesNotContain(orderId).doesNotContain(shopper.username());
        }
    }

    @Test
    void theSameNotificationFiveTimesPaysOnce(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "dup");
        String orderId = shopper.placeOrder(Goods.MUG, 1);
        JsonNode payment = shopper.nativePay(orderId);
        String outTradeNo = payment.path("outTradeNo").asString();
        suite.sandbox().fault(outTradeNo, "DUPLICATE", 5, 0);

        suite.sandbox().pay(payment.path("codeUrl").asString());

        awaitStatus(shopper, orderId, "PAID");
        await().atMost(PAID_WITHIN).until(() -> suite.sandbox().order(outTradeNo).path("notifications").size() >= 5);
        assertThat(OrderSchema.paidLogRows(suite, orderId)).isEqualTo(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndChangesNothing(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "forged");
        String orderId = shopper.placeOrder(Goods.MUG, 2);
        JsonNode payment = shopper.nativePay(orderId);
        Map<String, String> forged = Notifications.paid(payment.path("outTradeNo").asString(), 800);
        forged.put("sign", "0".repeat(64));

        HttpResponse<String> reply = Notifications.post(suite, Notifications.xml(forged));

        assertThat(Notifications.succeeded(reply)).isFalse();
        assertThat(reply.body()).contains("FAIL");
        assertStillUnpaid(suite, shopper, orderId);
    }

    @Test
    void aSignedNotificationWithAnotherAmountIsRefused(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "amount");
        String orderId = shopper.placeOrder(Goods.MUG, 2);
        JsonNode payment = shopper.nativePay(orderId);
        Map<String, String> tampered = Notifications.paid(payment.path("outTradeNo").asString(), 1);

        HttpResponse<String> reply = Notifications.post(suite, Notifications.xml(tampered));

        assertThat(Notifications.succeeded(reply)).isFalse();
        assertStillUnpaid(suite, shopper, orderId);
    }

    @Test
    void aNotificationWhileRabbitMqIsDownIsStoredAndTheOrderIsPaidWhenItIsBack(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "broker");
        String orderId = shopper.placeOrder(Goods.STICKER, 12);
        JsonNode payment = shopper.nativePay(orderId);
        String outTradeNo = payment.path("outTradeNo").asString();

        suite.rabbit().stopBroker();
        try {
            suite.sandbox().pay(payment.path("codeUrl").asString());
            // The pay service answered SUCCESS: the result sits in its outbox, not in the broker.
            await().atMost(PAID_WITHIN).until(() -> suite.sandbox().acknowledged(outTradeNo));
            assertThat(shopper.order(orderId).path("status").asString()).isEqualTo("UNPAID");
        } finally {
            suite.rabbit().startBroker();
        }

        awaitStatus(shopper, orderId, "PAID");
        assertThat(OrderSchema.paidLogRows(suite, orderId)).isEqualTo(1);
    }

    static JsonNode awaitStatus(Shopper shopper, String orderId, String status) {
        return await().atMost(PAID_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> shopper.order(orderId), order -> status.equals(order.path("status").asString()));
    }

    private static void assertStillUnpaid(Suite suite, Shopper shopper, String orderId) {
        assertThat(shopper.order(orderId).path("status").asString()).isEqualTo("UNPAID");
        assertThat(OrderSchema.paidLogRows(suite, orderId)).isZero();
        assertThat(suite.payDb().count("SELECT COUNT(*) FROM mq_message WHERE body LIKE ?", "%" + orderId + "%")).isZero();
    }
}
