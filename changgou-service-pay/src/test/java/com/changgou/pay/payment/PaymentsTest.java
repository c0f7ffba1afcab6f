package com.changgou.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.wechat.CloseResult;
import com.changgou.pay.wechat.UnifiedOrderCommand;
import com.changgou.security.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PaymentsTest extends PayIntegrationTest {

    static final String NATIVE = PayFeign.PATH + "/native?orderId=";
    static final String STATUS = PayFeign.PATH + "/status?orderId=";
    static final String CLOSE = PayFeign.PATH + "/close?orderId=";

    @Autowired
    Payments payments;
    @Autowired
    PaymentConfirmations confirmations;
    @Autowired
    JsonMapper json;
    @Autowired
    PayRecordMapper records;
    @Value("${local.server.port}")
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void nativePayAsksWechatOnceWithTheOrdersAmountAndReusesTheCodeUrl() {
        OrderView order = orders.unpaid("carol", 12_345);

        JsonNode first = data(http.post(NATIVE + order.id(), "carol"));
        JsonNode second = data(http.post(NATIVE + order.id(), "carol"));

        assertThat(second.get("codeUrl").asString()).isEqualTo(first.get("codeUrl").asString()).startsWith("weixin://");
        assertThat(second.get("token").asString()).isEqualTo(first.get("token").asString()).hasSize(22);
        assertThat(first.get("totalFee").asLong()).isEqualTo(12_345);
        assertThat(first.get("state").asString()).isEqualTo("NOTPAY");
        List<UnifiedOrderCommand> calls = wechat.unifiedOrders.stream()
                .filter(c -> c.productId().equals(order.id())).toList();
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.outTradeNo()).isEqualTo(order.id());
            assertThat(c.totalFee()).isEqualTo(12_345);
            assertThat(c.timeExpire()).isEqualTo(order.expireAt());
            assertThat(c.body()).isEqualTo("Changgou order " + order.id());
        });
    }

    @Test
    void anOrderThatIsNotUnpaidCannotBePaid() {
        OrderView unpaid = orders.unpaid("carol", 100);
        orders.put(new OrderView(unpaid.id(), "carol", 1, 100, 100, OrderStatus.PAID, "42", unpaid.createTime(),
                unpaid.expireAt(), unpaid.createTime(), null, List.of()));

        HttpResponse<String> response = http.post(NATIVE + unpaid.id(), "carol");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("order %s is PAID".formatted(unpaid.id())).contains("\"flag\":false");
    }

    @Test
    void someoneElsesOrderAndAnUnknownOrderAreNotFound() {
        OrderView order = orders.unpaid("carol", 100);

        assertThat(http.post(NATIVE + order.id(), "mallory").statusCode()).isEqualTo(404);
        assertThat(http.post(NATIVE + "123", "carol").statusCode()).isEqualTo(404);
        assertThat(http.get(STATUS + order.id(), "carol").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnreachableWechatIsABadGatewayWithAPlainMessage() {
        OrderView order = orders.unpaid("carol", 100);
        wechat.unreachableFor(order.id());

        HttpResponse<String> response = http.post(NATIVE + order.id(), "carol");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("WeChat Pay is unavailable").doesNotContain("scripted");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pay_record WHERE order_id = ?", Integer.class,
                order.id())).isZero();
    }

    @Test
    void statusAppliesAPaymentThatOnlyTheQueryFound() throws Exception {
        String resultQueue = payResultQueue();
        OrderView order = orders.unpaid("dave", 500);
        NativePayment payment = payments.nativePay("dave", order.id());
        assertThat(payments.status("dave", order.id()).state()).isEqualTo(PayState.NOTPAY);
        wechat.paidAtWechat(payment.outTradeNo(), "4200200", 500);

        // The first poll's orderquery holds WeChat off for the status-query interval; a later poll asks.
        PaymentStatus status = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> payments.status("dave", order.id()), s -> s.state() == PayState.SUCCESS);

        assertThat(status.state()).isEqualTo(PayState.SUCCESS);
        assertThat(status.token()).isEqualTo(payment.token());
        assertThat(jdbc.queryForList("SELECT actor FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                String.class, payment.outTradeNo())).containsExactly("STATUS_QUERY");
        Message message = awaitMessage(resultQueue, "pr-" + payment.outTradeNo());
        assertThat(json.readValue(message.getBody(), PayResultMessage.class).transactionId()).isEqualTo("4200200");
        // Asked again, the record answers by itself and nothing is applied twice.
        int queries = wechat.queries.size();
        assertThat(payments.status("dave", order.id()).state()).isEqualTo(PayState.SUCCESS);
        assertThat(wechat.queries).hasSize(queries);
    }

    @Test
    void closingAnOpenPaymentClosesItAndANewAttemptGetsANewOutTradeNoAndTheSameToken() {
        OrderView order = orders.unpaid("erin", 700);
        NativePayment first = payments.nativePay("erin", order.id());

        assertThat(data(http.postWith(CLOSE + order.id(), TestTokens.orderService())).asString()).isEqualTo("CLOSED");
        assertThat(state(first.outTradeNo())).isEqualTo("CLOSED");
        assertThat(payments.close(order.id())).isEqualTo(CloseOutcome.CLOSED);
        assertThat(wechat.closes.stream().filter(first.outTradeNo()::equals)).hasSize(1);

        NativePayment second = payments.nativePay("erin", order.id());
        assertThat(second.outTradeNo()).isEqualTo(order.id() + "-1");
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(second.codeUrl()).isNotEqualTo(first.codeUrl());
    }

    @Test
    void closingAPaymentThatWechatSaysWasPaidAppliesThePayment() {
        OrderView order = orders.unpaid("erin", 800);
        NativePayment payment = payments.nativePay("erin", order.id());
        wechat.closeAnswers(payment.outTradeNo(), CloseResult.ALREADY_PAID);
        wechat.paidAtWechat(payment.outTradeNo(), "4200300", 800);

        assertThat(payments.close(order.id())).isEqualTo(CloseOutcome.PAID);
        assertThat(state(payment.outTradeNo())).isEqualTo("SUCCESS");
        assertThat(payments.close(order.id())).isEqualTo(CloseOutcome.PAID);
    }

    @Test
    void closeIsNotReachableOutsideTheInternalPrefix() {
        OrderView order = orders.unpaid("erin", 600);
        NativePayment payment = payments.nativePay("erin", order.id());

        assertThat(http.post("/pay/wxpay/close?orderId=" + order.id(), "mallory").statusCode()).isEqualTo(403);
        assertThat(http.postWith("/pay/wxpay/close?orderId=" + order.id(), TestTokens.orderService())
                .statusCode()).isEqualTo(403);

        assertThat(wechat.closes).doesNotContain(payment.outTradeNo());
        assertThat(state(payment.outTradeNo())).isEqualTo("NOTPAY");
    }

    @Test
    void onlyTheOrderServicesAccountClosesAShoppersTokenIsForbiddenAndNoCredentialUnauthorised() {
        OrderView order = orders.unpaid("erin", 650);
        NativePayment payment = payments.nativePay("erin", order.id());

        assertThat(http.post(CLOSE + order.id(), "erin").statusCode()).isEqualTo(403);
        assertThat(http.postWith(CLOSE + order.id(), null).statusCode()).isEqualTo(401);
        assertThat(http.postWith(CLOSE + order.id(), TestTokens.basic(TestTokens.ORDER_SERVICE, "guess"))
                .statusCode()).isEqualTo(401);
        assertThat(http.postWith(CLOSE + order.id(), TestTokens.basic("changgou-gateway",
                TestTokens.ORDER_SERVICE_SECRET)).statusCode()).isEqualTo(401);
        assertThat(wechat.closes).doesNotContain(payment.outTradeNo());
        assertThat(state(payment.outTradeNo())).isEqualTo("NOTPAY");

        assertThat(http.postWith(CLOSE + order.id(), TestTokens.orderService()).statusCode()).isEqualTo(200);
        assertThat(state(payment.outTradeNo())).isEqualTo("CLOSED");
    }

    @Test
    void closingAnOrderWithoutPaymentSaysSo() {
        assertThat(payments.close("999999999")).isEqualTo(CloseOutcome.NO_PAYMENT);
    }

    @Test
    void anOrderUnknownToWechatIsClosedHere() {
        OrderView order = orders.unpaid("erin", 800);
        NativePayment payment = payments.nativePay("erin", order.id());
        wechat.closeAnswers(payment.outTradeNo(), CloseResult.NOT_FOUND);

        assertThat(payments.close(order.id())).isEqualTo(CloseOutcome.CLOSED);
        assertThat(state(payment.outTradeNo())).isEqualTo("CLOSED");
    }

    @Test
    void moneyTakenAfterCloseIsStillRecordedAndPublished() {
        String resultQueue = payResultQueue();
        OrderView order = orders.unpaid("frank", 900);
        NativePayment payment = payments.nativePay("frank", order.id());
        payments.close(order.id());

        Confirmation confirmation = confirmations.confirm(new PaidTrade(payment.outTradeNo(), "4200400", 900,
                Instant.parse("2026-12-01T04:00:00Z"), "<xml/>"), Actor.WECHAT_NOTIFY);

        assertThat(confirmation.outcome()).isEqualTo(Confirmation.Outcome.APPLIED);
        assertThat(state(payment.outTradeNo())).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT reason FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                String.class, payment.outTradeNo())).startsWith("paid after close");
        // time_end keeps WeChat's own text (Beijing time); the message carries the instant
        assertThat(jdbc.queryForObject("SELECT time_end FROM pay_record WHERE out_trade_no = ?", String.class,
                payment.outTradeNo())).isEqualTo("20261201120000");
        assertThat(records.findByOutTradeNo(payment.outTradeNo())).hasValueSatisfying(
                r -> assertThat(r.paidAt()).isEqualTo(Instant.parse("2026-12-01T04:00:00Z")));
        assertThat(json.readValue(awaitMessage(resultQueue, "pr-" + payment.outTradeNo()).getBody(),
                PayResultMessage.class).paidAt()).isEqualTo(Instant.parse("2026-12-01T04:00:00Z"));
    }

    @Test
    void aSecondOpenRecordForTheSameOrderIsImpossible() {
        OrderView order = orders.unpaid("gina", 100);
        payments.nativePay("gina", order.id());

        assertThatThrownBy(() -> jdbc.update("INSERT INTO pay_record (out_trade_no, order_id, username, total_fee,"
                + " status, token, time_expire, create_time, update_time)"
                + " VALUES (?, ?, 'gina', 100, 'NOTPAY', 't', NOW(), NOW(), NOW())", order.id() + "-9", order.id()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private String state(String outTradeNo) {
        return jdbc.queryForObject("SELECT status FROM pay_record WHERE out_trade_no = ?", String.class, outTradeNo);
    }

    private JsonNode data(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.get("flag").asBoolean()).isTrue();
        return result.get("data");
    }
}
